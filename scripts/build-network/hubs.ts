/**
 * Hubs: each rail station (trunk, intercity, suburban) grouped with the metro stations riders walk to
 * from it, and the out-of-station (virtual) metro transfers of metadata.json5. Changes between stations
 * of a hub pay the walk and, between layers, exit from the first station plus entry (security) into the
 * second (DESIGN.md §2): the core's defaults, which this network keeps for rail↔metro changes.
 */
import { greatCircleMeters } from '../../src/domain/geo';
import type { Hub } from '../../src/domain/station';
import type { TransferRule } from '../../src/domain/transfer';
import type { VirtualTransferDraft } from './metro';
import type { RailStation } from './rail';
import type { MetroStation } from './stations';

/** Metro stations within this distance of a rail station join its hub (the nearest also up to 1,200 m). */
export const HUB_RADIUS_M = 1000;
export const HUB_NEAREST_M = 1200;
/** Out-of-station metro transfers: exit (1 min) and re-entry with security (2 min), the metro defaults. */
export const VIRTUAL_TRANSFER_PROCESSING = 180;

export function buildHubs(
  rail: RailStation[],
  metro: MetroStation[],
  virtual: VirtualTransferDraft[],
  servedRail: Set<string>,
): { hubs: Hub[]; transfers: TransferRule[]; notes: string[] } {
  const hubs: Hub[] = [];
  const taken = new Set<string>();
  const notes: string[] = [];
  // Each metro station joins the hub of its nearest rail station only.
  const nearestRail = new Map<string, { rail: string; d: number }>();
  for (const m of metro) {
    for (const r of rail) {
      if (!servedRail.has(r.id)) continue;
      const d = greatCircleMeters(m.coord, r.coord);
      const cur = nearestRail.get(m.id);
      if (!cur || d < cur.d) nearestRail.set(m.id, { rail: r.id, d });
    }
  }
  for (const r of rail) {
    if (!servedRail.has(r.id)) continue;
    const near = metro
      .map((m) => ({ m, d: greatCircleMeters(m.coord, r.coord) }))
      .filter(({ m, d }) => nearestRail.get(m.id)?.rail === r.id && d <= HUB_NEAREST_M)
      .sort((a, b) => a.d - b.d || (a.m.id < b.m.id ? -1 : 1));
    const members = near.filter((x, k) => k === 0 || x.d <= HUB_RADIUS_M);
    if (members.length === 0) continue;
    for (const { m } of members) taken.add(m.id);
    hubs.push({
      id: `hub-${r.id.replace(/^r-/, '')}`,
      name: r.name,
      stations: [r.id, ...members.map((x) => x.m.id)],
    });
    notes.push(`${r.name.zh}: ${members.map((x) => `${x.m.name.zh} ${Math.round(x.d)} m`).join(', ')}`);
  }
  const transfers: TransferRule[] = [];
  const byKey = new Map(metro.map((m) => [m.key, m]));
  const pairs = new Map<string, Set<string>>();
  for (const v of virtual) {
    const a = byKey.get(v.fromStation)!;
    const b = byKey.get(v.toStation)!;
    const key = [a.id, b.id].sort().join('|');
    (pairs.get(key) ?? pairs.set(key, new Set()).get(key)!).add(a.id).add(b.id);
    transfers.push({
      at: { stations: [a.id, b.id] },
      from: { line: v.fromLine },
      to: { line: v.toLine },
      walkSeconds: v.walkSeconds,
      processingSeconds: VIRTUAL_TRANSFER_PROCESSING,
    });
  }
  for (const [key, set] of [...pairs].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const ids = [...set].sort();
    if (ids.some((s) => taken.has(s)))
      throw new Error(`virtual transfer ${key}: a station is already in a rail hub`);
    const names = ids.map((s) => metro.find((m) => m.id === s)!.name.zh);
    hubs.push({
      id: `hub-v-${ids.join('-').replace(/^m-/, '').replace(/-m-/g, '-')}`,
      name: { zh: `${names.join(' ↔ ')} (站外换乘)`, en: 'out-of-station transfer' },
      stations: ids,
    });
  }
  return { hubs, transfers, notes };
}
