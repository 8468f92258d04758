import type { Zone } from '../../src/domain/zone';
import { at, line, network, station, zone } from './fixtures';

/**
 * Hand-made network (a) of test/model/hand.test.ts, where O → D changes lines at X:
 *
 *   O ·200 m· A ──M1 300 s── B ──M1 300 s── X      (B: dwell 30 s)
 *                                           │ M2 400 s
 *                                           C ·300 m· D
 *
 * `extra` zones are added after O and D.
 */
export function changeAtX(...extra: Zone[]) {
  return network({
    zones: [zone('O', at(0, 200)), zone('D', at(5000, 5300)), ...extra],
    stations: [
      station('A', at(0)),
      station('B', at(2500)),
      station('X', at(5000)),
      station('C', at(5000, 5000)),
    ],
    lines: [
      line('M1', 'metro', ['A', 'B', 'X'], [300, 300], 300, 30),
      line('M2', 'metro', ['X', 'C'], [400], 600),
    ],
  });
}
