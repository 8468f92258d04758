import type { SetHeadway } from '../scenario';
import type { ModificationModule } from './module';

/** New headways for the given periods on every (or the listed) pattern of a line; other periods unchanged. */
export const setHeadway: ModificationModule<SetHeadway> = {
  type: 'set-headway',
  order: 80,
  resolve(mod, ctx) {
    const before = ctx.issues.length;
    const line = ctx.line(mod.line, 'line');
    ctx.headways(mod.headways, 'headways');
    if (!line) return undefined;
    const ids = new Set(line.patterns.map((p) => p.id));
    mod.patterns?.forEach((id, k) => {
      if (!ids.has(id))
        ctx.issue(
          ['patterns', k],
          `line "${line.id}" has no pattern "${id}" (it has ${[...ids].join(', ')})`,
        );
    });
    if (ctx.issues.length !== before) return undefined;
    const chosen = mod.patterns ? new Set(mod.patterns) : ids;
    return {
      apply: (net) => ({
        ...net,
        lines: net.lines.map((l) =>
          l.id !== line.id
            ? l
            : {
                ...l,
                patterns: l.patterns.map((p) =>
                  chosen.has(p.id) ? { ...p, headways: { ...p.headways, ...mod.headways } } : p,
                ),
              },
        ),
      }),
    };
  },
};
