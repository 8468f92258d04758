/**
 * The property tests are only as good as the networks they draw. These checks keep the generators honest:
 * on a fixed sample, enough trips ride, change trains (also between stations of a hub), take pooled rides
 * and loops, and each monotone modification kind changes some cost — so a property cannot pass by having
 * nothing to test.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyScenario } from '../../src/domain/applyScenario';
import { Router } from '../../src/engine/router';
import { StationRows } from '../../src/engine/stationRows';
import {
  buildNetwork,
  IMPROVING,
  modSpec,
  monotoneModification,
  networkSpec,
  WORSENING,
} from '../support/arbitraries';
import { scenario } from '../support/fixtures';
import { route } from '../support/route';

const sample = fc.sample(fc.tuple(networkSpec, modSpec), { seed: 0x4e7, numRuns: 200 });

describe('random networks for the property tests', () => {
  it('ride, change, change between stations, pool, loop', () => {
    const seen = {
      pairs: 0,
      transit: 0,
      changes: 0,
      hubChanges: 0,
      pooled: 0,
      loops: 0,
      offPeak: 0,
      bikeTrips: 0,
      busTrips: 0,
      bikeAccess: 0,
      busAccess: 0,
      feederLegs: 0,
      dominatedLinks: 0,
    };
    for (const [spec] of sample) {
      const net = buildNetwork(spec);
      seen.loops += net.lines.filter((l) => l.patterns.some((p) => p.loop)).length;
      seen.offPeak += net.lines.filter((l) =>
        l.patterns.some((p) => p.headways['off-peak'] === undefined),
      ).length;
      const r = route(net);
      const Z = r.compact.zoneCount;
      // Station rows leave out access links another link of the zone dominates: the agreement tests need some.
      const rows = new StationRows(new Router(r.compact));
      for (let o = 0; o < Z; o++) rows.row(o, new Float64Array(Z), new Float64Array(Z));
      seen.dominatedLinks += rows.dominatedLinks;
      for (let o = 0; o < Z; o++) {
        for (let d = 0; d < Z; d++) {
          if (o === d) continue;
          seen.pairs++;
          const legs = r.router.trip(o, d)?.legs ?? [];
          if (legs.some((l) => l.kind === 'ride')) seen.transit++;
          if (legs.some((l) => l.kind === 'transfer')) seen.changes++;
          if (legs.some((l) => l.kind === 'transfer' && l.from !== l.to)) seen.hubChanges++;
          if (legs.some((l) => l.kind === 'ride' && l.patterns.length > 1)) seen.pooled++;
          const rail = legs.some((l) => l.kind === 'ride');
          if (!rail && legs[0]?.kind === 'bike') seen.bikeTrips++;
          if (!rail && legs[0]?.kind === 'bus') seen.busTrips++;
          if (rail && legs.some((l) => l.kind === 'bike')) seen.bikeAccess++;
          if (rail && legs.some((l) => l.kind === 'bus')) seen.busAccess++;
          if (legs.some((l) => l.kind === 'bus' && l.feeder !== undefined)) seen.feederLegs++;
        }
      }
    }
    console.log('random networks:', seen);
    // Every kind of trip occurs: rail with each access mode, and each surface mode alone.
    expect(seen.transit / seen.pairs).toBeGreaterThan(0.15);
    expect(seen.bikeTrips).toBeGreaterThan(20);
    expect(seen.busTrips).toBeGreaterThan(20);
    expect(seen.bikeAccess).toBeGreaterThan(20);
    expect(seen.busAccess).toBeGreaterThan(20);
    expect(seen.feederLegs).toBeGreaterThan(5);
    expect(seen.dominatedLinks).toBeGreaterThan(20);
    expect(seen.changes).toBeGreaterThan(20);
    expect(seen.hubChanges).toBeGreaterThan(2);
    expect(seen.pooled).toBeGreaterThan(20);
    expect(seen.loops).toBeGreaterThan(10);
    expect(seen.offPeak).toBeGreaterThan(10); // lines without service in a period
    console.log('random networks:', seen);
  });

  it('every kind of monotone modification changes some O→D cost', () => {
    for (const [kinds, better] of [
      [IMPROVING, true],
      [WORSENING, false],
    ] as const) {
      for (const kind of kinds) {
        let applied = 0;
        let changed = 0;
        for (const [spec, m] of sample.slice(0, 60)) {
          const net = buildNetwork(spec);
          const mod = monotoneModification(net, kind, better, m);
          if (!mod) continue;
          const result = applyScenario(net, scenario([mod], net.id));
          expect(result.ok, `${kind}: ${JSON.stringify(mod)}`).toBe(true);
          if (!result.ok) continue;
          applied++;
          const a = route(net).matrix().costs;
          const b = route(result.network).matrix().costs;
          if (a.some((row, o) => row.some((c, d) => c !== b[o]![d]))) changed++;
        }
        expect(applied, kind).toBeGreaterThan(50);
        expect(changed / applied, `${kind} (${better ? 'better' : 'worse'})`).toBeGreaterThan(
          kind === 'set-transfer' ? 0 : 0.1,
        );
      }
    }
  });
});
