import { describe, expect, it } from 'vitest';
import { lineId, timetableEndToEnd } from '../../scripts/build-network/metro';
import { lineFiles, parseLine } from '../../scripts/build-network/timetable';
import { tripText } from '../../src/cli/tripText';
import type { LonLat } from '../../src/domain/geo';
import { loadJjj, Times, zoneNear } from './support';

/**
 * Two door-to-door trips of the JJJ baseline, as `simulate --trip` prints them, with every metro ride checked
 * against the timetables it was built from: a ride from A to B is the mean am-peak departure difference A → B
 * less the 30 s the train stands at B (the build's dwell convention, networks/README.md).
 */
const network = loadJjj();
const times = new Times(network);
const stationAt = (zh: string): LonLat => network.stations.find((s) => s.name.zh === zh)!.coord;
const nameOf = (id: string) => network.stations.find((s) => s.id === id)!.name.zh!;
const fileOf = new Map(lineFiles().map((f) => [lineId(f), f]));

const TRIPS: [string, string][] = [
  ['天安门东', '北京南站'],
  ['西直门', '国贸'],
];

/** Station ids from `from` to `to` along a pattern of the line (round the loop where it is one). */
function stopsRidden(line: string, direction: 0 | 1, pattern: string, from: string, to: string): string[] {
  const p = network.lines
    .find((l) => l.id === line)!
    .patterns.find((x) => x.id === pattern && x.direction === direction)!;
  const n = p.stops.length;
  const out = [from];
  for (let k = p.stops.indexOf(from); p.stops[k] !== to; ) {
    k = (k + 1) % n;
    out.push(p.stops[k]!);
    if (out.length > n) throw new Error(`${to} not after ${from} on ${line}`);
  }
  return out;
}

describe('door-to-door trips against the timetables', () => {
  for (const [from, to] of TRIPS) {
    it(`${from} → ${to}`, () => {
      const o = zoneNear(network, stationAt(from));
      const d = zoneNear(network, stationAt(to));
      const trip = times.trip(o, d);
      console.log(`${from} → ${to}\n${tripText(trip ?? null, network)}`);
      expect(trip?.mode).toBe('rail');
      const rides = trip!.legs.filter((l) => l.kind === 'ride');
      expect(rides.length).toBeGreaterThan(0);
      for (const ride of rides) {
        const file = fileOf.get(ride.line)!;
        const [a, b] = [nameOf(ride.from), nameOf(ride.to)];
        // Hop by hop along the pattern ridden (a loop's trains stand at the end of their listed run, so a
        // single difference across it would count the layover), in the file's direction that runs this way.
        const stops = stopsRidden(ride.line, ride.direction, ride.patterns[0]!, ride.from, ride.to);
        const hopOf = (dir: 0 | 1, k: number) =>
          timetableEndToEnd(file, dir, nameOf(stops[k]!), nameOf(stops[k + 1]!));
        const hops = stops.slice(1).map((_, k) => k);
        const dir = ([0, 1] as const).reduce((best, x) =>
          hops.filter((k) => hopOf(x, k).trains > 0).length >
          hops.filter((k) => hopOf(best, k).trains > 0).length
            ? x
            : best,
        );
        let sum = 0;
        for (const k of hops) {
          const hop = hopOf(dir, k);
          if (hop.trains > 0) {
            expect(hop.trains, `${stops[k]} → ${stops[k + 1]}`).toBeGreaterThan(10);
            sum += hop.seconds;
          } else {
            // A loop's listed runs end and start here: the file gives this hop as loop_last_segment (minutes).
            const loop = parseLine(file).raw.loop_last_segment;
            expect(
              loop,
              `${stops[k]} → ${stops[k + 1]}: neither a timetable hop nor the loop's last`,
            ).toBeDefined();
            sum += loop! * 60 + 30;
          }
        }
        const timetable = sum - 30;
        console.log(
          `  ${ride.line} ${a} → ${b}, ${stops.length - 1} hops: modelled ${ride.rideSeconds} s, timetable ${timetable.toFixed(0)} s`,
        );
        // Hop means over the same trains add up to the mean of the whole ride, up to minute rounding.
        expect(Math.abs(ride.rideSeconds - timetable)).toBeLessThanOrEqual(60);
      }
    });
  }
});
