import type { ServicePattern } from '../line';
import { referencePattern } from '../patternOps';
import type { AdjustSpeed } from '../scenario';
import type { ModificationModule } from './module';

/**
 * Faster (or slower) running on a whole line or on the segment between two of its stations, both
 * directions: run times are divided by the factor, dwells stay.
 */
export const adjustSpeed: ModificationModule<AdjustSpeed> = {
  type: 'adjust-speed',
  order: 70,
  resolve(mod, ctx) {
    const before = ctx.issues.length;
    const line = ctx.line(mod.line, 'line');
    if (!(Number.isFinite(mod.speedFactor) && mod.speedFactor > 0 && mod.speedFactor <= 10)) {
      ctx.issue(
        'speedFactor',
        `speed factor must be between 0 and 10 (1.2 = 20 % faster), got ${mod.speedFactor}`,
      );
    }
    if ((mod.from === undefined) !== (mod.to === undefined)) {
      ctx.issue(
        mod.from === undefined ? 'from' : 'to',
        'a segment needs both ends (from and to), or neither for the whole line',
      );
    }
    if (!line || ctx.issues.length !== before) return undefined;
    // Segment membership by position along the line's reference route, so short turns and express
    // patterns (whose hops skip stops) are adjusted on the same stretch of track.
    const position = new Map((referencePattern(line, 0) ?? line.patterns[0]!).stops.map((s, k) => [s, k]));
    let lo = -Infinity;
    let hi = Infinity;
    if (mod.from !== undefined && mod.to !== undefined) {
      const a = position.get(mod.from);
      const b = position.get(mod.to);
      if (a === undefined) ctx.issue('from', `station "${mod.from}" is not on line "${line.id}"`);
      if (b === undefined) ctx.issue('to', `station "${mod.to}" is not on line "${line.id}"`);
      if (a === undefined || b === undefined) return undefined;
      if (a === b) return void ctx.issue('to', 'the segment ends are the same station');
      lo = Math.min(a, b);
      hi = Math.max(a, b);
    }
    const whole = mod.from === undefined;
    const inSegment = (station: string) => {
      if (whole) return true;
      const k = position.get(station);
      return k !== undefined && k >= lo && k <= hi;
    };
    const adjust = (p: ServicePattern): ServicePattern => ({
      ...p,
      runSeconds: p.runSeconds.map((r, k) =>
        inSegment(p.stops[k]!) && inSegment(p.stops[(k + 1) % p.stops.length]!) ? r / mod.speedFactor : r,
      ),
    });
    return {
      apply: (net) => ({
        ...net,
        lines: net.lines.map((l) => (l.id === line.id ? { ...l, patterns: l.patterns.map(adjust) } : l)),
      }),
    };
  },
};
