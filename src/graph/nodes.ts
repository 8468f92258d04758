import type { Direction } from '../domain/line';

/**
 * Ids may hold any character but control characters (the schema forbids those), so keys join their parts
 * with NUL: no two different (kind, ids) give the same key, whatever the ids contain.
 */
export const SEP = '\u0000';

/**
 * Node keys of the graphology graph. Zones appear twice: as an origin (out-edges only) and as a
 * destination (in-edges only), so no path can pass through a zone.
 */
export const nodeKey = {
  origin: (zone: string) => `o${SEP}${zone}`,
  destination: (zone: string) => `d${SEP}${zone}`,
  /** Inside station s, past entry processing. */
  entered: (station: string) => `in${SEP}${station}`,
  /** Leaving station s, past exit processing. */
  exited: (station: string) => `out${SEP}${station}`,
  /** On the platform of line-direction at s, about to board. */
  platform: (station: string, label: string) => `P${SEP}${station}${SEP}${label}`,
  /** Just off a train of line-direction at s. */
  alighted: (station: string, label: string) => `A${SEP}${station}${SEP}${label}`,
  /** On board pattern p of a line: departing stop k, or arriving at it. */
  onBoard: (line: string, direction: Direction, pattern: string, k: number, arriving: boolean) =>
    `${arriving ? 'R' : 'D'}${SEP}${line}${SEP}${direction}${SEP}${pattern}${SEP}${k}`,
};

/** A line as riders see it in one direction: what they wait for on a platform. */
export function lineLabel(line: string, direction: Direction): string {
  return `${line}${SEP}${direction}`;
}

/** The line and direction of a label. */
export function parseLabel(label: string): { line: string; direction: Direction } {
  const k = label.lastIndexOf(SEP);
  return { line: label.slice(0, k), direction: Number(label.slice(k + 1)) as Direction };
}

export type NodeKind = 'origin' | 'destination' | 'entered' | 'exited' | 'platform' | 'alighted' | 'on-board';

export interface NodeAttributes {
  kind: NodeKind;
  /** Zone id (origin, destination) or station id (others). */
  ref: string;
  line?: string;
  direction?: Direction;
}
