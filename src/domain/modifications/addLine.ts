import type { ServicePattern } from '../line';
import { reversePattern } from '../patternOps';
import type { AddLine } from '../scenario';
import type { ModificationModule } from './module';
import { resolveRunTimes } from './runTimes';

const COLOR = /^#[0-9A-Fa-f]{6}$/;

/** A new line, both directions by default, through existing and new stations. */
export const addLine: ModificationModule<AddLine> = {
  type: 'add-line',
  order: 30,
  resolve(mod, ctx) {
    const before = ctx.issues.length;
    const { id, layer: layerValue, color } = mod.line ?? {};
    if (typeof id !== 'string' || id === '') ctx.issue(['line', 'id'], 'the new line needs an id');
    else if (ctx.index.line.has(id)) ctx.issue(['line', 'id'], `line id "${id}" is already used`);
    const layer = ctx.layer(layerValue, ['line', 'layer']);
    if (typeof color !== 'string' || !COLOR.test(color))
      ctx.issue(['line', 'color'], `colour must be "#RRGGBB", got ${JSON.stringify(color)}`);
    if (!Array.isArray(mod.stops) || mod.stops.length < 2) {
      ctx.issue('stops', 'a line needs at least two stops');
      return undefined;
    }
    ctx.headways(mod.headways, 'headways');
    if (!layer) return undefined;
    const resolvedStops = ctx.stops(mod.stops, 'stops', layer);
    if (!resolvedStops) return undefined;
    const times = resolveRunTimes(mod, resolvedStops.stations, layer, ctx);
    if (!times || ctx.issues.length !== before) return undefined;

    const n = resolvedStops.stations.length;
    const outbound: ServicePattern = {
      id: 'main',
      direction: 0,
      stops: resolvedStops.stations.map((s) => s.id),
      runSeconds: times.runs,
      dwellSeconds: Array.from({ length: n }, (_, k) => (k === 0 || k === n - 1 ? 0 : times.dwell)),
      headways: { ...mod.headways },
    };
    const patterns =
      mod.bidirectional === false ? [outbound] : [outbound, reversePattern(outbound, 'main', 1)];
    return {
      apply: (net) => ({
        ...net,
        stations: [...net.stations, ...resolvedStops.created],
        lines: [...net.lines, { id: id!, name: mod.line.name ?? {}, layer, color: color!, patterns }],
      }),
    };
  },
};
