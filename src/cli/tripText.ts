import { type Language, nameIn } from '../domain/names';
import type { Network } from '../domain/network';
import type { Leg, SurfaceLeg, TripDetail } from '../engine/types';

const min = (s: number) => `${(s / 60).toFixed(1)} min`;
const km = (m: number) => `${(m / 1000).toFixed(1)} km`;

/** A surface leg's own line: "bus 6.2 km, wait 4.0 min, 24.3 min in all" (walks to and from the stops included). */
function surfaceLegText(l: SurfaceLeg, from: string, to: string): string {
  switch (l.kind) {
    case 'walk':
      return `walk ${from} → ${to}, ${km(l.meters)}: ${min(l.seconds)}`;
    case 'bike':
      return `bike ${from} → ${to}, ${km(l.meters)}: ${min(l.seconds)} (unlock and park included)`;
    case 'bus':
      return `${l.feeder ? `feeder bus ${l.feeder}` : 'bus'} ${from} → ${to}, ${km(l.meters)}: walk to and from stops ${min(l.walkSeconds)}, wait ${min(l.waitSeconds)}, on board ${min(l.busSeconds)}; ${min(l.seconds)}`;
  }
}

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
      case 'bike':
      case 'bus':
        return surfaceLegText(l, place(l.from), place(l.to));
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
  const head = `${named(trip.origin)} → ${named(trip.destination)}: ${min(trip.time)} by ${trip.mode} (walk ${min(trip.walk)}, bike ${min(trip.bike)}, bus ${min(trip.bus)}, wait ${min(trip.wait)}, ride ${min(trip.ride)}, transfer ${min(trip.transfer)}, station processing ${min(trip.processing)}; ${trip.boardings} boarding${trip.boardings === 1 ? '' : 's'}; perceived ${min(trip.cost)})`;
  return [head, ...trip.legs.map((l, k) => `  ${k + 1}. ${leg(l)}`)].join('\n');
}
