import { join } from 'node:path';
import { importGtfs } from './src/io/gtfs';
import { feedInput, feedTexts, readCsv, SAMPLES } from './test/gtfs/support';
const path = join(SAMPLES, 'caltrain_20160406');
const texts = feedTexts(path);
const r = await importGtfs(feedInput(path), { feedName: 'caltrain' });
if (!r.ok) throw new Error('import failed');
const n = r.network;
// Real: trips active on 2016-04-05 (Tuesday) departing each parent station between 07:00 and 09:00.
const stops = readCsv(texts['stops.txt']!);
const parent = new Map(stops.map((s) => [s.stop_id!, s.parent_station || s.stop_id!]));
const cal = readCsv(texts['calendar.txt']!).filter((c) => c.tuesday === '1' && c.start_date! <= '20160405' && c.end_date! >= '20160405').map((c) => c.service_id);
const dates = readCsv(texts['calendar_dates.txt'] ?? '');
const active = new Set(cal);
for (const d of dates) if (d.date === '20160405') d.exception_type === '1' ? active.add(d.service_id!) : active.delete(d.service_id!);
const routes = new Set(['Lo-16APR', 'Li-16APR', 'Bu-16APR']);
const trips = new Map(readCsv(texts['trips.txt']!).filter((t) => active.has(t.service_id!) && routes.has(t.route_id!)).map((t) => [t.trip_id!, t]));
const sec = (t: string) => { const [h, m, s] = t.split(':').map(Number); return h! * 3600 + m! * 60 + s!; };
const real = new Map<string, number>();
const byTrip = new Map<string, Record<string, string>[]>();
for (const st of readCsv(texts['stop_times.txt']!)) if (trips.has(st.trip_id!)) byTrip.set(st.trip_id!, [...(byTrip.get(st.trip_id!) ?? []), st]);
for (const rows of byTrip.values()) {
  rows.sort((a, b) => Number(a.stop_sequence) - Number(b.stop_sequence));
  rows.forEach((st, k) => { const t = sec(k === rows.length - 1 ? st.arrival_time! : st.departure_time!); if (t >= 7 * 3600 && t < 9 * 3600) { const p = parent.get(st.stop_id!)!; real.set(p, (real.get(p) ?? 0) + 1); } });
}
const model = new Map<string, number>();
for (const l of n.lines) for (const p of l.patterns) { const h = p.headways['am-peak']; if (!h) continue; for (const s of p.stops) model.set(s, (model.get(s) ?? 0) + 7200 / h); }
const name = new Map(n.stations.map((s) => [s.id, s.name.en]));
for (const [id, c] of [...real].sort((a, b) => b[1] - a[1])) console.log(id, name.get(id), 'real', c, 'model', (model.get(id) ?? 0).toFixed(1));
let err = 0, k = 0; for (const [id, c] of real) { err += Math.abs(c - (model.get(id) ?? 0)); k++; } console.log('MAE', (err / k).toFixed(2), 'stations', k);
