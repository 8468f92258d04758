import { type Language, type LocalizedName, nameIn } from '../../domain/names';
import type { Network } from '../../domain/network';
import type { Modification } from '../../domain/scenario';
import { secondsToMinutes } from './units';

/**
 * One line saying what a modification does, for the list ("Metro 2: am-peak 2 min"). Names come from the
 * first of `networks` that has the id: the scenario's network names the lines it adds, the base network
 * those it removes; unknown ids are shown as they are.
 */
export function describeModification(
  mod: Modification,
  networks: readonly Network[],
  lang: Language,
  tr: (key: string) => string,
): string {
  const named = (find: (n: Network) => { name: LocalizedName } | undefined, id: string) => {
    for (const n of networks) {
      const x = find(n);
      if (x) return nameIn(x.name, lang);
    }
    return id;
  };
  const line = (id: string) => named((n) => n.lines.find((x) => x.id === id), id);
  const station = (id: string) => named((n) => n.stations.find((x) => x.id === id), id);
  const hub = (id: string) => named((n) => n.hubs.find((x) => x.id === id), id);
  const headways = (h: Record<string, number> | undefined) =>
    Object.entries(h ?? {})
      .map(([p, s]) => `${p} ${secondsToMinutes(s)}′`)
      .join(', ');
  switch (mod.type) {
    case 'add-line':
      return `${nameIn(mod.line?.name ?? {}, lang) || mod.line?.id} · ${mod.stops?.length ?? 0} ⦿`;
    case 'extend-line':
      return `${line(mod.line)} +${mod.stops?.length ?? 0} ⦿`;
    case 'set-headway':
      return `${line(mod.line)}: ${headways(mod.headways)}`;
    case 'adjust-speed':
      return `${line(mod.line)} ×${mod.speedFactor}${mod.from !== undefined ? ` (${station(mod.from)}–${mod.to === undefined ? '?' : station(mod.to)})` : ''}`;
    case 'add-pattern':
      return `${line(mod.line)} ${mod.pattern?.id}: ${mod.pattern?.stops?.length ?? 0} ⦿`;
    case 'through-run':
      return `${line(mod.from)} → ${line(mod.to)} @ ${station(mod.station)}`;
    case 'set-transfer': {
      const at = mod.at;
      const where =
        'station' in at
          ? station(at.station)
          : 'stations' in at
            ? at.stations.map(station).join(' ↔ ')
            : hub(at.hub);
      const parts = [
        mod.walkSeconds !== undefined ? `${tr('ed.walk')} ${secondsToMinutes(mod.walkSeconds)}′` : '',
        mod.processingSeconds !== undefined
          ? `${tr('ed.processing')} ${secondsToMinutes(mod.processingSeconds)}′`
          : '',
      ].filter(Boolean);
      return `${where}: ${parts.join(', ')}`;
    }
    case 'set-processing': {
      const target =
        mod.layer !== undefined
          ? tr(`layer.${mod.layer}`)
          : mod.hub !== undefined
            ? hub(mod.hub)
            : (mod.stations ?? []).map(station).join(', ');
      const parts = [
        mod.entrySeconds !== undefined ? `${tr('ed.entry')} ${secondsToMinutes(mod.entrySeconds)}′` : '',
        mod.exitSeconds !== undefined ? `${tr('ed.exit')} ${secondsToMinutes(mod.exitSeconds)}′` : '',
      ].filter(Boolean);
      return `${target}: ${parts.join(', ')}`;
    }
    case 'remove-line':
      return line(mod.line);
    case 'close-station':
      return station(mod.station);
  }
}
