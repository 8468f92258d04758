/**
 * Generated GTFS feeds for the fuzz suite: a small sound feed from a spec (stops near each other, trips
 * whose times follow their runs), whose numbers are then sometimes wild — positions far away, swapped or
 * out of range, runs that go backwards, last a day or a thousand years, dwells that are layovers,
 * frequency windows with headways of a second, transfer times of a year.
 */
import fc from 'fast-check';
import { WILD_NUMBER } from './arbitraries';

/** A number: mostly sensible, sometimes wild. */
const num = (sensible: fc.Arbitrary<number>) =>
  fc.oneof({ weight: 25, arbitrary: sensible }, { weight: 1, arbitrary: WILD_NUMBER });

/** A stop's position: near the centre, or (rarely) a wild one. */
const position = fc.oneof(
  {
    weight: 30,
    arbitrary: fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { lat: -10, lon: 20 }, // 15,000 km away
      { lat: 116.4, lon: 39.9 }, // latitude and longitude swapped: out of range
      { lat: 39.9, lon: 16.4 }, // a digit lost: 8,000 km away
      { lat: 0, lon: 0 }, // "no position" in many feeds
      { lat: 91, lon: 181 },
      { lat: 39.95, lon: 116.5 }, // 10 km away: plausible
    ),
  },
);

const trip = fc.record({
  first: fc.nat(),
  stops: fc.array(fc.nat({ max: 7 }), { minLength: 2, maxLength: 6 }),
  start: fc.integer({ min: 6 * 3600, max: 10 * 3600 }),
  runs: fc.array(num(fc.integer({ min: 60, max: 600 })), { minLength: 6, maxLength: 6 }),
  dwells: fc.array(num(fc.integer({ min: 0, max: 60 })), { minLength: 6, maxLength: 6 }),
  direction: fc.constantFrom('0', '1', ''),
  frequency: fc.option(
    fc.record({
      from: fc.integer({ min: 5 * 3600, max: 9 * 3600 }),
      span: fc.integer({ min: 600, max: 6 * 3600 }),
      headway: num(fc.integer({ min: 120, max: 1800 })),
    }),
    { freq: 5 },
  ),
});

export const feedSpec = fc.record({
  stops: fc.array(fc.record({ at: position, parent: fc.boolean() }), { minLength: 2, maxLength: 8 }),
  routes: fc.array(
    fc.record({
      type: fc.constantFrom(0, 1, 2, 3, 100, 109, 400, 1400, 700),
      trips: fc.array(trip, { minLength: 1, maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  transfer: fc.option(
    fc.record({ a: fc.nat(), b: fc.nat(), seconds: num(fc.integer({ min: 0, max: 600 })) }),
    {
      freq: 3,
    },
  ),
});
export type FeedSpec = typeof feedSpec extends fc.Arbitrary<infer T> ? T : never;

/** "HH:MM:SS" for seconds (hours past 24 and beyond, as GTFS allows; wild values give what they give). */
function clock(t: number): string {
  const s = Math.floor(t);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

/** The feed's files. Stops with a parent sit on a platform of their own station. */
export function feedFiles(spec: FeedSpec): Record<string, string> {
  const centre = [116.4, 39.9];
  const stopRows = ['stop_id,stop_name,stop_lat,stop_lon,location_type,parent_station'];
  const platform: string[] = [];
  spec.stops.forEach((s, k) => {
    const [lat, lon] =
      'x' in s.at ? [centre[1]! + s.at.y / 110_574, centre[0]! + s.at.x / 85_000] : [s.at.lat, s.at.lon];
    if (s.parent) {
      stopRows.push(`S${k},Station ${k},${lat},${lon},1,`);
      stopRows.push(`S${k}p,Station ${k} platform,${lat},${lon},0,S${k}`);
      platform.push(`S${k}p`);
    } else {
      stopRows.push(`S${k},Stop ${k},${lat},${lon},0,`);
      platform.push(`S${k}`);
    }
  });
  const routeRows = ['route_id,route_short_name,route_type'];
  const tripRows = ['route_id,service_id,trip_id,direction_id'];
  const timeRows = ['trip_id,arrival_time,departure_time,stop_id,stop_sequence'];
  const frequencyRows = ['trip_id,start_time,end_time,headway_secs'];
  spec.routes.forEach((r, k) => {
    routeRows.push(`R${k},R${k},${r.type}`);
    r.trips.forEach((t, j) => {
      const id = `T${k}_${j}`;
      tripRows.push(`R${k},S,${id},${t.direction}`);
      const stops = [...new Set(t.stops.map((i) => platform[(t.first + i) % platform.length]!))];
      let time = t.start;
      stops.forEach((stop, i) => {
        if (i > 0) time += t.runs[i - 1]!;
        const arrival = time;
        if (i > 0 && i < stops.length - 1) time += t.dwells[i]!;
        timeRows.push(`${id},${clock(arrival)},${clock(time)},${stop},${i + 1}`);
      });
      if (t.frequency)
        frequencyRows.push(
          `${id},${clock(t.frequency.from)},${clock(t.frequency.from + t.frequency.span)},${t.frequency.headway}`,
        );
    });
  });
  const files: Record<string, string> = {
    'agency.txt': 'agency_name,agency_url,agency_timezone\nFuzz,https://example.org,Asia/Shanghai\n',
    'calendar.txt':
      'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\nS,1,1,1,1,1,1,1,20240101,20241231\n',
    'routes.txt': routeRows.join('\n'),
    'stops.txt': stopRows.join('\n'),
    'trips.txt': tripRows.join('\n'),
    'stop_times.txt': timeRows.join('\n'),
  };
  if (frequencyRows.length > 1) files['frequencies.txt'] = frequencyRows.join('\n');
  if (spec.transfer) {
    const a = platform[spec.transfer.a % platform.length]!;
    const b = platform[spec.transfer.b % platform.length]!;
    files['transfers.txt'] =
      `from_stop_id,to_stop_id,transfer_type,min_transfer_time\n${a},${b},2,${spec.transfer.seconds}\n`;
  }
  return files;
}
