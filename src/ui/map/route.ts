import type { FeatureCollection, LineString } from 'geojson';
import type { Network } from '../../domain/network';
import type { TripDetail } from '../../workers/protocol';

/** A trip as map lines: walks and changes dashed, rides along the stops of the pattern taken, in the line's colour. */
export function routeFeatures(
  trip: TripDetail | null | undefined,
  network: Network,
): FeatureCollection<LineString> {
  const features: FeatureCollection<LineString>['features'] = [];
  if (!trip) return { type: 'FeatureCollection', features };
  const station = new Map(network.stations.map((s) => [s.id, s.coord]));
  const zone = new Map(network.zones.map((z) => [z.id, z.centroid]));
  const place = (p: { zone: string } | { station: string }) =>
    'zone' in p ? zone.get(p.zone) : station.get(p.station);
  for (const leg of trip.legs) {
    if (leg.kind === 'walk') {
      const a = place(leg.from);
      const b = place(leg.to);
      if (a && b)
        features.push({
          type: 'Feature',
          properties: { kind: 'walk' },
          geometry: { type: 'LineString', coordinates: [a, b] },
        });
    } else if (leg.kind === 'transfer' && leg.from !== leg.to) {
      const a = station.get(leg.from);
      const b = station.get(leg.to);
      if (a && b)
        features.push({
          type: 'Feature',
          properties: { kind: 'transfer' },
          geometry: { type: 'LineString', coordinates: [a, b] },
        });
    } else if (leg.kind === 'ride') {
      const line = network.lines.find((l) => l.id === leg.line);
      const stops = rideStops(network, leg.line, leg.direction, leg.patterns[0]!, leg.from, leg.to) ?? [
        leg.from,
        leg.to,
      ];
      const coords = stops.map((s) => station.get(s)).filter((c): c is [number, number] => c !== undefined);
      features.push({
        type: 'Feature',
        properties: { kind: 'ride', color: line?.color ?? '#111111' },
        geometry: { type: 'LineString', coordinates: coords },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The stops a ride passes: along the named pattern (searched in every line, for through services). */
function rideStops(
  network: Network,
  lineId: string,
  direction: 0 | 1,
  patternId: string,
  from: string,
  to: string,
): string[] | undefined {
  const candidates = network.lines.flatMap((l) =>
    l.patterns.filter((p) => p.id === patternId && (l.id === lineId ? p.direction === direction : true)),
  );
  for (const p of candidates) {
    const i = p.stops.indexOf(from);
    const j = p.stops.indexOf(to, p.loop ? 0 : i + 1);
    if (i < 0 || j < 0) continue;
    if (j > i) return p.stops.slice(i, j + 1);
    if (p.loop) return [...p.stops.slice(i), ...p.stops.slice(0, j + 1)];
  }
  return undefined;
}
