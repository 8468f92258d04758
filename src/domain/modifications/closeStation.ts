import { endServiceAs, removeStopAt } from '../patternOps';
import type { CloseStation } from '../scenario';
import type { TransferPlace } from '../transfer';
import type { ModificationModule } from './module';

function placeMentions(at: TransferPlace, station: string): boolean {
  if ('station' in at) return at.station === station;
  if ('stations' in at) return at.stations.includes(station);
  return false;
}

/**
 * Trains pass through a closed station without stopping; riders can no longer enter, leave or change there.
 * Not monotone: riders passing through gain the saved stop, riders using the station lose it.
 */
export const closeStation: ModificationModule<CloseStation> = {
  type: 'close-station',
  order: 20,
  resolve(mod, ctx) {
    if (!ctx.station(mod.station, 'station')) return undefined;
    const id = mod.station;
    return {
      apply(net) {
        const lines = net.lines.flatMap((line) => {
          const loss = ctx.assumptions.layers[line.layer].stopLossSeconds;
          const patterns = line.patterns.flatMap((p) => {
            let q = p;
            for (let k = q.stops.indexOf(id); k >= 0; k = q.stops.indexOf(id)) q = removeStopAt(q, k, loss);
            return q.stops.length >= 2 ? [q] : [];
          });
          return patterns.length > 0 ? [{ ...line, patterns }] : [];
        });
        // Through trains that ran on as a line the closure removed end where they would have become it.
        const gone = net.lines.filter((l) => !lines.some((k) => k.id === l.id)).map((l) => l.id);
        const hubs = net.hubs
          .map((h) => ({ ...h, stations: h.stations.filter((s) => s !== id) }))
          .filter((h) => h.stations.length >= 2);
        return {
          ...net,
          stations: net.stations.filter((s) => s.id !== id),
          lines: gone.length > 0 ? endServiceAs(lines, gone) : lines,
          hubs,
          transfers: net.transfers.filter(
            (t) =>
              !placeMentions(t.at, id) &&
              !('hub' in t.at && !hubs.some((h) => 'hub' in t.at && h.id === t.at.hub)),
          ),
        };
      },
    };
  },
};
