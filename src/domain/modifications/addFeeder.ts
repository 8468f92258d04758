import { uniqueId } from '../ids';
import type { AddFeeder } from '../scenario';
import type { ModificationModule } from './module';

/** Radius and speed a feeder may have: a walk-up neighbourhood to a town's catchment; a bicycle to a coach. */
export const FEEDER_RADIUS_METERS = { min: 100, max: 30_000 } as const;
export const FEEDER_SPEED_KMH = { min: 1, max: 120 } as const;

/**
 * A feeder bus to a station: zones within the radius get a bus leg to and from it (graph/access.ts). It
 * only adds a way to the station, so it never makes a trip worse. Applies after everything that creates
 * stations, so it can serve a station the scenario adds.
 */
export const addFeeder: ModificationModule<AddFeeder> = {
  type: 'add-feeder',
  order: 110,
  resolve(mod, ctx) {
    const before = ctx.issues.length;
    const station = ctx.station(mod.station, 'station');
    ctx.headways(mod.headways, 'headways');
    const { min: rMin, max: rMax } = FEEDER_RADIUS_METERS;
    if (!(Number.isFinite(mod.radiusMeters) && mod.radiusMeters >= rMin && mod.radiusMeters <= rMax))
      ctx.issue('radiusMeters', `radius must be ${rMin}–${rMax} m, got ${mod.radiusMeters}`);
    const { min: vMin, max: vMax } = FEEDER_SPEED_KMH;
    if (!(Number.isFinite(mod.speedKmh) && mod.speedKmh >= vMin && mod.speedKmh <= vMax))
      ctx.issue('speedKmh', `speed must be ${vMin}–${vMax} km/h, got ${mod.speedKmh}`);
    if (!station || ctx.issues.length !== before) return undefined;
    return {
      apply(net) {
        const feeders = net.feeders ?? [];
        const id = uniqueId(mod.id ?? `feeder-${station.id}`, new Set(feeders.map((f) => f.id)));
        const feeder = {
          id,
          station: station.id,
          radiusMeters: mod.radiusMeters,
          headways: { ...mod.headways },
          speedKmh: mod.speedKmh,
          ...(mod.name && { name: mod.name }),
        };
        return { ...net, feeders: [...feeders, feeder] };
      },
    };
  },
};
