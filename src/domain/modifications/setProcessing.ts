import type { LayerId } from '../layer';
import type { SetProcessing } from '../scenario';
import type { ModificationModule } from './module';

/**
 * Entry and/or exit processing for a whole layer, listed stations, or every station of a hub: walk-on
 * operation (公交化运营) of a rail line, or faster security. A station's own value overrides its layer's.
 */
export const setProcessing: ModificationModule<SetProcessing> = {
  type: 'set-processing',
  order: 100,
  resolve(mod, ctx) {
    const before = ctx.issues.length;
    const targets = [mod.layer, mod.stations, mod.hub].filter((t) => t !== undefined).length;
    if (targets !== 1) ctx.issue('layer', 'name exactly one of layer, stations or hub');
    if (mod.entrySeconds === undefined && mod.exitSeconds === undefined)
      ctx.issue('entrySeconds', 'set entrySeconds, exitSeconds or both');
    ctx.nonNegative(mod.entrySeconds, 'entrySeconds');
    ctx.nonNegative(mod.exitSeconds, 'exitSeconds');
    let layer: LayerId | undefined;
    if (mod.layer !== undefined) layer = ctx.layer(mod.layer, 'layer');
    let stations: Set<string> | undefined;
    if (mod.stations !== undefined) {
      if (!Array.isArray(mod.stations) || mod.stations.length === 0)
        ctx.issue('stations', 'list at least one station');
      else {
        mod.stations.forEach((id, k) => {
          ctx.station(id, ['stations', k]);
        });
      }
      stations = new Set(mod.stations);
    }
    if (mod.hub !== undefined) {
      const hub = ctx.index.hub.get(mod.hub);
      if (!hub) ctx.issue('hub', `unknown hub "${mod.hub}"`);
      else stations = new Set(hub.stations);
    }
    if (ctx.issues.length !== before) return undefined;
    const values = {
      ...(mod.entrySeconds !== undefined && { entrySeconds: mod.entrySeconds }),
      ...(mod.exitSeconds !== undefined && { exitSeconds: mod.exitSeconds }),
    };
    if (layer) {
      const l = layer;
      return {
        apply: (net) => ({
          ...net,
          assumptions: {
            ...net.assumptions,
            layers: { ...net.assumptions?.layers, [l]: { ...net.assumptions?.layers?.[l], ...values } },
          },
        }),
      };
    }
    const chosen = stations!;
    return {
      apply: (net) => ({
        ...net,
        stations: net.stations.map((s) =>
          chosen.has(s.id) ? { ...s, processing: { ...s.processing, ...values } } : s,
        ),
      }),
    };
  },
};
