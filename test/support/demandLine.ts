/**
 * The hand-made line the demand tests work out by hand (test/model/demandAssignment.test.ts explains the
 * loads): three zones 5 km apart along one metro line M, only walking (up to 1 km), rail and the car on
 * offer, β fixed at 0.05 per minute; and a scenario halving M's headway.
 *
 *   A ·200 m· a ──M 300 s── b ──M 300 s── c ·200 m· C
 */
import { at, handAssumptions, line, network, scenario, station, zone } from './fixtures';

export const demandLine = network({
  zones: [
    { ...zone('A', at(0, 200), 3000, 1000), workers: 1500 },
    { ...zone('B', at(5000, 200), 2000, 4000), workers: 1000 },
    { ...zone('C', at(10000, 200), 1000, 1000), workers: 500 },
  ],
  stations: [station('a', at(0)), station('b', at(5000)), station('c', at(10000))],
  lines: [line('M', 'metro', ['a', 'b', 'c'], [300, 300], 600)],
  assumptions: { ...handAssumptions(), demand: { betaPerMinute: 0.05 } },
});

/** M every 5 min instead of 10. */
export const fasterLine = scenario([{ type: 'set-headway', line: 'M', headways: { 'am-peak': 300 } }]);
