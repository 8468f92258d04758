import type { Network } from '../../src/domain/network';
import { at, line, network, station, zone } from './fixtures';

/**
 * A small network for the modification tests (both directions of every line):
 *
 *   A ──300── B ──400── C        M1 metro, dwell 30 s at B, every 300 s
 *             │                  M2 metro B → D 500 s, every 600 s
 *             D                  T  trunk R1 → R2 1200 s, every 1800 s
 *   R1 ═════1200═════ R2         hub H = {R2, C} (300 m apart)
 */
export function toyNetwork(): Network {
  return network({
    id: 'toy',
    zones: [zone('Z1', at(0, 100)), zone('Z2', at(9000, 100))],
    stations: [
      { id: 'A', name: { en: 'A' }, coord: at(0), layer: 'metro' },
      { id: 'B', name: { en: 'B' }, coord: at(3000), layer: 'metro' },
      { id: 'C', name: { en: 'C' }, coord: at(7000), layer: 'metro' },
      { id: 'D', name: { en: 'D' }, coord: at(3000, 5000), layer: 'metro' },
      station('R1', at(-20000), 'trunk'),
      station('R2', at(7300), 'trunk'),
    ],
    hubs: [{ id: 'H', name: { en: 'H' }, stations: ['R2', 'C'] }],
    lines: [
      line('M1', 'metro', ['A', 'B', 'C'], [300, 400], 300, 30),
      line('M2', 'metro', ['B', 'D'], [500], 600),
      line('T', 'trunk', ['R1', 'R2'], [1200], 1800),
    ],
  });
}
