import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createIoApi } from './ioApi';

const CAIRNS = new URL('../../../shared/data/raw/gtfs-samples/cairns_gtfs_2014.zip', import.meta.url);
const feed = () => [new File([readFileSync(CAIRNS)], 'cairns_gtfs_2014.zip', { type: 'application/zip' })];

describe('the io worker imports GTFS with the planner’s choices', () => {
  it('keeps the bus routes of a bus-only feed as bus lines when asked, and has nothing to import otherwise', async () => {
    const io = createIoApi();
    const without = await io.importGtfs(feed(), {});
    expect(without.ok).toBe(false);
    const kept = await io.importGtfs(feed(), { keepBuses: true });
    if (!kept.ok) throw new Error(kept.issues.map((i) => i.message).join('\n'));
    // 16 of the 22 routes run in the periods on the service day (test/gtfs/feeds.test.ts says why not the rest).
    expect(kept.loaded.network.lines).toHaveLength(16);
    expect(new Set(kept.loaded.network.lines.map((l) => l.layer))).toEqual(new Set(['bus']));
    // A route-type mapping still wins over the choice.
    const mapped = await io.importGtfs(feed(), { keepBuses: true, routeTypes: { 3: 'metro' } });
    expect(mapped.ok && new Set(mapped.loaded.network.lines.map((l) => l.layer))).toEqual(new Set(['metro']));
  });
});
