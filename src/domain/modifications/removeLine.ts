import type { RemoveLine } from '../scenario';
import type { ModificationModule } from './module';

export const removeLine: ModificationModule<RemoveLine> = {
  type: 'remove-line',
  resolve(mod, ctx) {
    if (!ctx.line(mod.line, 'line')) return undefined;
    return { apply: (net) => ({ ...net, lines: net.lines.filter((l) => l.id !== mod.line) }) };
  },
};
