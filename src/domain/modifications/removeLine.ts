import { endServiceAs } from '../patternOps';
import type { RemoveLine } from '../scenario';
import type { ModificationModule } from './module';

/** The line goes; other lines' through trains that ran on as it end where they would have become it. */
export const removeLine: ModificationModule<RemoveLine> = {
  type: 'remove-line',
  order: 10,
  resolve(mod, ctx) {
    if (!ctx.line(mod.line, 'line')) return undefined;
    return {
      apply: (net) => ({
        ...net,
        lines: endServiceAs(
          net.lines.filter((l) => l.id !== mod.line),
          [mod.line],
        ),
      }),
    };
  },
};
