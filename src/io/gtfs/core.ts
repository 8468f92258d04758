import type { Line } from '../../domain/line';
import type { CoreArea } from '../../domain/network';
import type { Station } from '../../domain/station';
import type { Zone } from '../../domain/zone';
import { plural } from './ids';
import type { PeriodWindow } from './patterns';
import { zonesAround } from './zones';

/**
 * The core: the zones within `radius` of the station with the most departures in the am-peak (the first
 * in station order among equals), named after it. A planner will usually redraw it; the note says how it
 * was chosen.
 */
export function chooseCore(
  lines: readonly Line[],
  stations: readonly Station[],
  zones: readonly Zone[],
  radius: number,
  amPeak: PeriodWindow,
  lang: 'zh' | 'en',
): {
  core: CoreArea[];
  summary: { station: string; name: string; departures: number; zones: number } | null;
  note: string;
} {
  const departures = new Map<string, number>();
  for (const line of lines) {
    for (const p of line.patterns) {
      const h = p.headways[amPeak.id];
      if (h === undefined) continue;
      const trips = (amPeak.end - amPeak.start) / h;
      for (const s of p.stops.slice(0, -1)) departures.set(s, (departures.get(s) ?? 0) + trips);
    }
  }
  let busiest: Station | undefined;
  let most = 0;
  for (const s of stations) {
    const n = departures.get(s.id) ?? 0;
    if (n > most) {
      most = n;
      busiest = s;
    }
  }
  if (!busiest || zones.length === 0) {
    return {
      core: [],
      summary: null,
      note: 'Core: none (no departures in the am-peak); set the core zones by hand.',
    };
  }
  const ids = zonesAround(zones, busiest.coord, radius);
  const name = busiest.name[lang] ?? busiest.name.en ?? busiest.name.zh ?? busiest.id;
  return {
    core: [
      { id: 'core', name: lang === 'zh' ? { zh: `${name}周边` } : { en: `Around ${name}` }, zones: ids },
    ],
    summary: { station: busiest.id, name, departures: most, zones: ids.length },
    note: `Core: the ${plural(ids.length, 'zone')} within ${Math.round(radius)} m of ${name} (${busiest.id}), the station with the most departures in the am-peak (${Math.round(most)}); edit the core to suit the study.`,
  };
}
