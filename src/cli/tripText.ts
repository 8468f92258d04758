import { type Language, nameIn } from '../domain/names';
import type { Network } from '../domain/network';
import type { Leg, TripDetail } from '../engine/types';

const min = (s: number) => `${(s / 60).toFixed(1)} min`;

/** A trip as a planner reads it, one leg per line. */
export function tripText(trip: TripDetail | null, network: Network, lang: Language = 'en'): string {
  if (!trip) return '  no path';
  const station = (id: string) => {
    const s = network.stations.find((x) => x.id === id);
    return s ? nameIn(s.name, lang) : id;
  };
  const zoneName = (id: string) => {
    const z = network.zones.find((x) => x.id === id);
    return z?.name && nameIn(z.name, lang);
  };
  const zone = (id: string) => zoneName(id) || `zone ${id}`;
  const line = (id: string) => {
    const l = network.lines.find((x) => x.id === id);
    return l ? nameIn(l.name, lang) : id;
  };
  const place = (p: { zone: string } | { station: string }) =>
    'zone' in p ? zone(p.zone) : station(p.station);
  const leg = (l: Leg): string => {
    switch (l.kind) {
      case 'walk':
        return l.feederWaitSeconds !== undefined
          ? `feeder bus or bike ${place(l.from)} → ${place(l.to)}: wait ${min(l.feederWaitSeconds)}, ${min(l.seconds)}`
          : `walk ${place(l.from)} → ${place(l.to)}: ${min(l.seconds)}`;
      case 'enter':
        return `enter ${station(l.station)} (security, gates): ${min(l.seconds)}`;
      case 'ride':
        return `wait ${min(l.waitSeconds)} (every ${min(l.headwaySeconds)}), ride ${line(l.line)}${l.towards ? ` towards ${station(l.towards)}` : ''} from ${station(l.from)} to ${station(l.to)}, ${l.stops} stop${l.stops === 1 ? '' : 's'}: ${min(l.rideSeconds)}`;
      case 'transfer':
        return `change at ${station(l.from)}${l.to !== l.from ? ` to ${station(l.to)}` : ''}: walk ${min(l.walkSeconds)}${l.processingSeconds > 0 ? `, security ${min(l.processingSeconds)}` : ''}`;
      case 'exit':
        return `leave ${station(l.station)}: ${min(l.seconds)}`;
    }
  };
  // Zone names can repeat (on JJJ the English name is the district): the id says which zone.
  const named = (id: string) => {
    const name = zoneName(id);
    return name ? `${name} [${id}]` : `zone ${id}`;
  };
  const head = `${named(trip.origin)} → ${named(trip.destination)}: ${min(trip.time)} (walk ${min(trip.walk)}, wait ${min(trip.wait)}, ride ${min(trip.ride)}, transfer ${min(trip.transfer)}, station processing ${min(trip.processing)}; ${trip.boardings} boarding${trip.boardings === 1 ? '' : 's'}; perceived ${min(trip.cost)})`;
  return [head, ...trip.legs.map((l, k) => `  ${k + 1}. ${leg(l)}`)].join('\n');
}
