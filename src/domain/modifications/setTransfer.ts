import type { SetTransfer } from '../scenario';
import type { TransferPlace, TransferRule, TransferSide } from '../transfer';
import type { ResolveContext } from './context';
import type { ModificationModule } from './module';

/** Check a transfer place; shared with the network validator's idea of a valid rule. */
export function checkPlace(at: TransferPlace | undefined, ctx: ResolveContext): boolean {
  const before = ctx.issues.length;
  if (!at || typeof at !== 'object') {
    ctx.issue('at', 'say where: {"station": id}, {"stations": [from, to]} or {"hub": id}');
  } else if ('station' in at) {
    ctx.station(at.station, ['at', 'station']);
  } else if ('stations' in at) {
    const [from, to] = Array.isArray(at.stations) ? at.stations : [];
    const a = ctx.station(String(from), ['at', 'stations', 0]);
    const b = ctx.station(String(to), ['at', 'stations', 1]);
    if (a && b && a.id === b.id) {
      // A pair of one station would outrank {"station": id} (a pair is the more specific place).
      ctx.issue(
        ['at', 'stations'],
        `both ends are "${a.id}": for changes within one station use {"station": "${a.id}"}`,
      );
    } else if (a && b) {
      const hub = ctx.index.hubOfStation.get(a.id);
      if (!hub || hub !== ctx.index.hubOfStation.get(b.id)) {
        ctx.issue(
          ['at', 'stations'],
          `"${a.id}" and "${b.id}" are not in one hub, so riders cannot change between them`,
        );
      }
    }
  } else if ('hub' in at) {
    if (!ctx.index.hub.has(at.hub)) ctx.issue(['at', 'hub'], `unknown hub "${at.hub}"`);
  } else {
    ctx.issue('at', 'say where: {"station": id}, {"stations": [from, to]} or {"hub": id}');
  }
  return ctx.issues.length === before;
}

function checkSide(side: TransferSide | undefined, key: 'from' | 'to', ctx: ResolveContext): void {
  if (side === undefined) return;
  if ('line' in side) {
    ctx.line(side.line, [key, 'line']);
    if (side.direction !== undefined && side.direction !== 0 && side.direction !== 1) {
      ctx.issue([key, 'direction'], 'direction must be 0 or 1');
    }
  } else if ('layer' in side) ctx.layer(side.layer, [key, 'layer']);
  else ctx.issue(key, 'say which side: {"line": id} or {"layer": layer}');
}

/**
 * Transfer walk and/or processing at a station, a station pair or a hub, for all changes or a layer or
 * line pair: faster transfers, or security mutual recognition (安检互认) with a lower processing time.
 */
export const setTransfer: ModificationModule<SetTransfer> = {
  type: 'set-transfer',
  order: 90,
  resolve(mod, ctx) {
    const before = ctx.issues.length;
    checkPlace(mod.at, ctx);
    checkSide(mod.from, 'from', ctx);
    checkSide(mod.to, 'to', ctx);
    if (mod.walkSeconds === undefined && mod.processingSeconds === undefined) {
      ctx.issue('walkSeconds', 'set walkSeconds, processingSeconds or both');
    }
    ctx.nonNegative(mod.walkSeconds, 'walkSeconds');
    ctx.nonNegative(mod.processingSeconds, 'processingSeconds');
    if (ctx.issues.length !== before) return undefined;
    const rule: TransferRule = { at: mod.at };
    if (mod.from) rule.from = mod.from;
    if (mod.to) rule.to = mod.to;
    if (mod.walkSeconds !== undefined) rule.walkSeconds = mod.walkSeconds;
    if (mod.processingSeconds !== undefined) rule.processingSeconds = mod.processingSeconds;
    return { apply: (net) => ({ ...net, transfers: [...net.transfers, rule] }) };
  },
};
