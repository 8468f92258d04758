import type { ServicePattern } from '../line';
import type { RemoveLine } from '../scenario';
import type { ModificationModule } from './module';

/**
 * A pattern of another line whose trains run on as `removed` (through-running, `servedAs`): the trains
 * now end at the stop where they would have become the removed line. Undefined when nothing is left.
 */
function endBefore(p: ServicePattern, removed: string): ServicePattern | undefined {
  const k = p.servedAs?.findIndex((s) => s.line === removed) ?? -1;
  if (k < 0) return p;
  const last = p.servedAs![k]!.fromStop;
  if (last < 1) return undefined;
  const { loop: _, servedAs: __, headsign: ___, ...rest } = p;
  const servedAs = p.servedAs!.slice(0, k);
  return {
    ...rest,
    stops: p.stops.slice(0, last + 1),
    runSeconds: p.runSeconds.slice(0, last),
    dwellSeconds: [...p.dwellSeconds.slice(0, last), 0],
    ...(servedAs.length > 0 && { servedAs }),
  };
}

export const removeLine: ModificationModule<RemoveLine> = {
  type: 'remove-line',
  resolve(mod, ctx) {
    if (!ctx.line(mod.line, 'line')) return undefined;
    return {
      apply: (net) => ({
        ...net,
        lines: net.lines.flatMap((l) => {
          if (l.id === mod.line) return [];
          if (!l.patterns.some((p) => p.servedAs?.some((s) => s.line === mod.line))) return [l];
          const patterns = l.patterns.flatMap((p) => endBefore(p, mod.line) ?? []);
          return patterns.length > 0 ? [{ ...l, patterns }] : [];
        }),
      }),
    };
  },
};
