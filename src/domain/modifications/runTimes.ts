import type { LayerId } from '../layer';
import { runSecondsFromSpeed } from '../patternOps';
import type { Station } from '../station';
import type { ResolveContext } from './context';

interface RunTimeSpec {
  speedKmh?: number;
  runSeconds?: number[];
  dwellSeconds?: number;
}

/**
 * Run times for consecutive `stations` (hops = stations − 1) from explicit values or from positions and a
 * running speed; the dwell for the new stops. Undefined (with issues) when the spec is wrong.
 */
export function resolveRunTimes(
  spec: RunTimeSpec,
  stations: Station[],
  layer: LayerId,
  ctx: ResolveContext,
): { runs: number[]; dwell: number } | undefined {
  const before = ctx.issues.length;
  const hops = stations.length - 1;
  let runs: number[] = [];
  if ((spec.speedKmh === undefined) === (spec.runSeconds === undefined)) {
    ctx.issue(
      'speedKmh',
      'give either speedKmh (run times from station positions) or runSeconds, not both or neither',
    );
  } else if (spec.speedKmh !== undefined) {
    if (!(Number.isFinite(spec.speedKmh) && spec.speedKmh > 0 && spec.speedKmh <= 600)) {
      ctx.issue('speedKmh', `speed must be between 0 and 600 km/h, got ${spec.speedKmh}`);
    } else {
      runs = runSecondsFromSpeed(
        stations.map((s) => s.coord),
        spec.speedKmh,
        ctx.assumptions.layers[layer].routeFactor,
      );
    }
  } else if (spec.runSeconds !== undefined) {
    runs = spec.runSeconds;
    if (runs.length !== hops)
      ctx.issue('runSeconds', `expected ${hops} run times (one per hop), got ${runs.length}`);
    runs.forEach((r, k) => {
      if (!(Number.isFinite(r) && r > 0))
        ctx.issue(['runSeconds', k], `run time must be > 0 seconds, got ${r}`);
    });
  }
  ctx.nonNegative(spec.dwellSeconds, 'dwellSeconds');
  if (ctx.issues.length !== before) return undefined;
  return { runs, dwell: spec.dwellSeconds ?? ctx.assumptions.layers[layer].dwellSeconds };
}
