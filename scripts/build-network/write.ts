/** Deterministic output: fixed key order as built, numbers as JSON writes them, one trailing newline. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export function writeJson(path: string, value: unknown, indent?: number): number {
  mkdirSync(dirname(path), { recursive: true });
  const text = `${JSON.stringify(value, null, indent)}\n`;
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

/** Round values to integers so that they add up to `total` exactly (largest remainder, ties by index). */
export function roundToTotal(values: number[], total: number): number[] {
  const floors = values.map(Math.floor);
  let left = total - floors.reduce((a, b) => a + b, 0);
  const order = values
    .map((v, k) => ({ k, rem: v - Math.floor(v) }))
    .sort((a, b) => b.rem - a.rem || a.k - b.k);
  for (const { k } of order) {
    if (left <= 0) break;
    floors[k]! += 1;
    left--;
  }
  if (left !== 0) throw new Error(`cannot round to ${total}`);
  return floors;
}
