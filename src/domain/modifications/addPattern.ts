import type { Direction, ServicePattern } from '../line';
import { skipStopPattern, subsequenceIndices } from '../patternOps';
import type { AddPattern } from '../scenario';
import type { ModificationModule } from './module';

/**
 * An express (大站直达) or short-turn pattern calling at a subsequence of an existing pattern's stops, added
 * to the service already running. Each passed stop saves the layer's stop loss.
 */
export const addPattern: ModificationModule<AddPattern> = {
  type: 'add-pattern',
  order: 50,
  resolve(mod, ctx) {
    const before = ctx.issues.length;
    const line = ctx.line(mod.line, 'line');
    const spec = mod.pattern;
    if (!spec || typeof spec.id !== 'string' || spec.id === '')
      return void ctx.issue(['pattern', 'id'], 'the pattern needs an id');
    if (!Array.isArray(spec.stops) || spec.stops.length < 2)
      return void ctx.issue(['pattern', 'stops'], 'a pattern needs at least two stops');
    ctx.headways(spec.headways, ['pattern', 'headways']);
    if (spec.direction !== undefined && spec.direction !== 0 && spec.direction !== 1) {
      ctx.issue(['pattern', 'direction'], `direction must be 0 or 1, got ${JSON.stringify(spec.direction)}`);
    }
    if (!line || ctx.issues.length !== before) return undefined;
    const hasReverse = line.patterns.some((p) => p.direction === 1);
    const directions: Direction[] =
      spec.direction !== undefined ? [spec.direction] : hasReverse ? [0, 1] : [0];
    const loss = ctx.assumptions.layers[line.layer].stopLossSeconds;
    const created: ServicePattern[] = [];
    for (const direction of directions) {
      if (line.patterns.some((p) => p.id === spec.id && p.direction === direction)) {
        ctx.issue(
          ['pattern', 'id'],
          `line "${line.id}" already has a pattern "${spec.id}" in direction ${direction}`,
        );
        continue;
      }
      const stops = direction === 0 ? spec.stops : [...spec.stops].reverse();
      // The base is the first pattern of that direction that calls at every stop in order.
      let made: ServicePattern | undefined;
      for (const base of line.patterns) {
        if (base.direction !== direction || base.loop) continue;
        const keep = subsequenceIndices(base, stops);
        if (keep) {
          made = skipStopPattern(base, keep, loss, {
            id: spec.id,
            direction,
            headways: { ...spec.headways },
          });
          break;
        }
      }
      if (made) created.push(made);
      else
        ctx.issue(
          ['pattern', 'stops'],
          `no direction-${direction} pattern of line "${line.id}" calls at these stops in this order`,
        );
    }
    if (ctx.issues.length !== before) return undefined;
    return {
      apply: (net) => ({
        ...net,
        lines: net.lines.map((l) => (l.id === line.id ? { ...l, patterns: [...l.patterns, ...created] } : l)),
      }),
    };
  },
};
