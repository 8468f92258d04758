import type { LineRiders, RailAssignment, StationRiders } from '../demand/report';
import { greatCircleMeters } from '../domain/geo';
import type { Network } from '../domain/network';
import { patternLoads } from '../engine/patternLoads';
import { type LoadUnits, loadFlows } from '../engine/railLoads';
import { type CompactGraph, EDGE_KIND } from '../engine/types';

/**
 * Rail loads (the engine's fixed-point flows on graph edges and links) as the figures a planner reads: per
 * line boardings and passenger-km per rider class, the load on each segment (per direction, between
 * consecutive stops of a pattern; patterns calling at the same two stops add up), the largest of them;
 * per station entries, exits, boardings and transfers; transfers between layers per hub (or station).
 * `network` is the one the graph was built from (a scenario applied: its lines and stations).
 * Passenger-km use great-circle distances between stops (track lengths are not in the data).
 */
export function railAssignment(g: CompactGraph, network: Network, units: LoadUnits): RailAssignment {
  const K = units.classes;
  const flows = Array.from({ length: K }, (_, c) => loadFlows(units, c));
  const byPattern = flows.map((f) => patternLoads(g, f.edge));
  const lineById = new Map(network.lines.map((l) => [l.id, l]));
  const stationById = new Map(network.stations.map((s) => [s.id, s]));
  const km = (a: string, b: string) =>
    greatCircleMeters(stationById.get(a)!.coord, stationById.get(b)!.coord) / 1000;

  const lines = new Map<string, LineRiders & { segmentIndex: Map<string, number> }>();
  const stationFigures = new Map<string, StationRiders>();
  const station = (id: string) => {
    let s = stationFigures.get(id);
    if (!s) {
      s = { station: id, entries: 0, exits: 0, boardings: 0, transfers: 0 };
      stationFigures.set(id, s);
    }
    return s;
  };

  g.patterns.forEach((ref, p) => {
    const pattern = lineById
      .get(ref.line)
      ?.patterns.find((x) => x.id === ref.pattern && x.direction === ref.direction);
    if (!pattern) throw new Error(`pattern ${ref.line}/${ref.pattern} of the graph is not in the network`);
    let line = lines.get(ref.line);
    if (!line) {
      line = {
        line: ref.line,
        boardings: new Array<number>(K).fill(0),
        passengerKm: new Array<number>(K).fill(0),
        maxSectionLoad: 0,
        segments: [],
        segmentIndex: new Map(),
      };
      lines.set(ref.line, line);
    }
    const stops = pattern.stops;
    const n = stops.length;
    for (let c = 0; c < K; c++) {
      const boardings = byPattern[c]!.boardings[p]!;
      const hops = byPattern[c]!.hops[p]!;
      for (let k = 0; k < n; k++) {
        line.boardings[c]! += boardings[k]!;
        if (c === 0) station(stops[k]!).boardings += boardings[k]!;
        const to = k + 1 < n ? k + 1 : pattern.loop ? 0 : -1;
        if (to < 0 || hops[k] === 0) continue;
        const length = km(stops[k]!, stops[to]!);
        line.passengerKm[c]! += hops[k]! * length;
        if (c > 0) continue;
        const key = `${ref.direction}|${stops[k]}|${stops[to]}`;
        let s = line.segmentIndex.get(key);
        if (s === undefined) {
          s = line.segments.length;
          line.segmentIndex.set(key, s);
          line.segments.push({
            direction: ref.direction,
            from: stops[k]!,
            to: stops[to]!,
            km: length,
            riders: 0,
          });
        }
        line.segments[s]!.riders += hops[k]!;
      }
    }
  });

  const main = flows[0]!;
  const stationOf = (node: number) => g.stations[g.nodeStation[node]!]!;
  main.access.forEach((f, k) => {
    if (f > 0) station(stationOf(g.accessNode[k]!)).entries += f;
  });
  main.egress.forEach((f, k) => {
    if (f > 0) station(stationOf(g.egressNode[k]!)).exits += f;
  });

  // Transfers: flows on transfer edges, counted at the station changed to; between layers, per hub.
  const hubOf = new Map<string, string>();
  for (const h of network.hubs) for (const s of h.stations) hubOf.set(s, h.id);
  const layerOfLine = (index: number) => (index >= 0 ? lineById.get(g.lines[index]!)?.layer : undefined);
  const layerTransfers = new Map<string, { place: string; from: string; to: string; riders: number }>();
  for (let n = 0; n < g.nodeCount; n++) {
    for (let e = g.edgeStart[n]!; e < g.edgeStart[n + 1]!; e++) {
      const f = main.edge[e]!;
      if (f === 0 || g.edgeKind[e] !== EDGE_KIND.transfer) continue;
      const target = g.edgeTarget[e]!;
      const at = stationOf(target);
      station(at).transfers += f;
      const from = layerOfLine(g.nodeLine[n]!);
      const to = layerOfLine(g.nodeLine[target]!);
      if (!from || !to || from === to) continue;
      const place = hubOf.get(at) ?? at;
      const key = `${place}|${from}|${to}`;
      const t = layerTransfers.get(key) ?? { place, from, to, riders: 0 };
      t.riders += f;
      layerTransfers.set(key, t);
    }
  }

  const lineList = [...lines.values()].map(({ segmentIndex: _s, ...l }) => {
    const top = l.segments.reduce<(typeof l.segments)[number] | undefined>(
      (a, s) => (!a || s.riders > a.riders ? s : a),
      undefined,
    );
    return { ...l, maxSectionLoad: top?.riders ?? 0, ...(top && { maxSection: top }) };
  });
  return {
    riders: main.access.reduce((a, b) => a + b, 0),
    lines: lineList,
    stations: [...stationFigures.values()],
    layerTransfers: [...layerTransfers.values()] as RailAssignment['layerTransfers'],
  };
}
