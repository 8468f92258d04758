import type { LayerId } from '../domain/layer';
import type { LocalizedName } from '../domain/names';
import type { Network } from '../domain/network';
import type { DemandSetup } from './setup';
import { type RiderSources, SOURCE_CLASSES, sourcesOfClasses, sourcesRecord } from './sources';
import {
  type AreaFigures,
  BAND_MINUTES,
  type CommuteDelta,
  type CommuteFigures,
  type CommuteTally,
  commuteFigures,
  compareFigures,
  districtFigures,
  type RegionFigures,
  regionFigures,
  zoneCommuteMinutes,
} from './tally';

/** One segment of a line in one direction, between consecutive stops of its patterns. */
export interface Segment {
  direction: 0 | 1;
  from: string;
  to: string;
  /** Great-circle length, km. */
  km: number;
  /** Riders on it (all rider classes). */
  riders: number;
}

/** A line's riders; arrays per rider class (one for the baseline; RIDER_CLASSES for a scenario). */
export interface LineRiders {
  line: string;
  boardings: number[];
  passengerKm: number[];
  maxSectionLoad: number;
  maxSection?: Segment;
  segments: Segment[];
}

export interface StationRiders {
  station: string;
  /** Rail trips entering here (their first boarding is here or at a station linked to it). */
  entries: number;
  exits: number;
  boardings: number;
  /** Riders changing here onto another line (boarding after alighting, not after entering). */
  transfers: number;
}

/** Riders changing between two layers at a hub (or a station outside hubs). */
export interface LayerTransfer {
  place: string;
  from: LayerId;
  to: LayerId;
  riders: number;
}

/** One side's rail assignment, as workers/ridership.ts reads it off the loads. */
export interface RailAssignment {
  /** Rail trips (each enters once). */
  riders: number;
  lines: LineRiders[];
  stations: StationRiders[];
  layerTransfers: LayerTransfer[];
}

export interface DemandSideInput {
  tally: CommuteTally;
  assignment: RailAssignment;
}

/** The distribution's β and how it was found. */
export interface BetaReport {
  perMinute: number;
  calibrated: boolean;
  targetMinutes?: number;
  meanMinutes?: number;
  relativeError?: number;
  /** β values evaluated. */
  evaluations?: number;
  furnessIterations: number;
  /** Largest relative miss of a row (workers) and a column (jobs) total after balancing. */
  rowError: number;
  columnError: number;
  region?: string;
  source?: string;
}

export interface DemandReportInput {
  /** The network (names, regions) and, with a scenario, the network it makes (its new lines and stations). */
  network: Network;
  scenarioNetwork?: Network;
  setup: DemandSetup;
  term: 'short' | 'long';
  beta: BetaReport;
  baseline: DemandSideInput;
  /**
   * `sources`: per origin zone × SOURCE_CLASSES (demand/sources.ts); `benefit`: per origin zone, the
   * perceived one-way commuter-seconds the scenario saves (demand/benefit.ts).
   */
  scenario?: DemandSideInput & { sources: Float64Array; benefit: Float64Array };
  /** District names (e.g. from the boundaries file), by code. */
  districtNames?: ReadonlyMap<string, LocalizedName>;
}

/** What results report of a side's commutes: the tally's figures, the histogram with its band. */
export type Figures = Omit<CommuteFigures, 'histogram'> & {
  railRiders: number;
  histogram: { bandMinutes: number; commuters: number[] };
};
/**
 * `perceivedHoursSaved`: the fall of the composite (logsum) cost, in perceived commuter-hours per working
 * day (demand/benefit.ts) — the commuters' gain, which physical `commuterHoursSaved` can miss.
 */
export type Delta = Omit<CommuteDelta, 'histogram'> & { railRiders: number; perceivedHoursSaved: number };

export interface LineFigures {
  boardings: number;
  passengerKm: number;
  maxSectionLoad: number;
  maxSection?: { direction: 0 | 1; from: string; to: string; riders: number };
}

export interface LineReport {
  line: string;
  name: LocalizedName;
  layer: LayerId;
  color: string;
  /** null: the line does not run on that side (new, or removed by the scenario). */
  baseline: LineFigures | null;
  scenario?: LineFigures | null;
  /** Where the scenario's riders of this line come from (boardings by rider class). */
  sources?: RiderSources;
  segments: { baseline: Segment[]; scenario?: Segment[] };
}

export interface StationReport {
  station: string;
  name: LocalizedName;
  baseline: Omit<StationRiders, 'station'> | null;
  scenario?: Omit<StationRiders, 'station'> | null;
}

export interface AreaReport<F> {
  id: string;
  name?: LocalizedName;
  baseline: F;
  scenario?: F;
  delta?: Delta;
}

export interface DemandReport {
  term: 'short' | 'long';
  beta: BetaReport;
  /** Resident workers (trips produced) and jobs, as the network gives them; jobs scaled to workers. */
  workers: number;
  jobs: number;
  /** The scale of jobs outside the net-inflow regions (of all jobs without any). */
  jobsScale: number;
  /** Each net-inflow region's scale of its jobs (its workers plus the published net inflow). */
  jobsScaleByRegion?: Record<string, number>;
  tripsPerWorkday: number;
  baseline: Figures;
  scenario?: Figures;
  delta?: Delta;
  /** Where all the scenario's rail riders come from. */
  sources?: RiderSources;
  regions: AreaReport<RegionFigures>[];
  districts: AreaReport<AreaFigures>[];
  lines: LineReport[];
  stations: StationReport[];
  layerTransfers: { place: string; from: LayerId; to: LayerId; baseline: number; scenario?: number }[];
  /** Per zone, network order: resident workers and their mean commute (NaN: nobody commutes from it). */
  zones: { workers: Float64Array; commuteMinutes: { baseline: Float64Array; scenario?: Float64Array } };
}

function figures(f: CommuteFigures, railRiders: number): Figures {
  const { histogram, ...rest } = f;
  return { ...rest, railRiders, histogram: { bandMinutes: BAND_MINUTES, commuters: histogram } };
}

function delta(a: Figures, b: Figures, perceivedHoursSaved: number): Delta {
  const { histogram: _h, ...d } = compareFigures(
    { ...a, histogram: a.histogram.commuters },
    { ...b, histogram: b.histogram.commuters },
  );
  return { ...d, railRiders: b.railRiders - a.railRiders, perceivedHoursSaved };
}

/** An area's rail commuters (its mode share × commuters): areas have no assignment of their own. */
const railShare = (f: CommuteFigures) => (f.modeShares ? f.modeShares.rail * f.commuters : 0);

function lineFigures(l: LineRiders): LineFigures {
  const out: LineFigures = {
    boardings: l.boardings[0]!,
    passengerKm: l.passengerKm[0]!,
    maxSectionLoad: l.maxSectionLoad,
  };
  if (l.maxSection) {
    const { direction, from, to, riders } = l.maxSection;
    out.maxSection = { direction, from, to, riders };
  }
  return out;
}

/**
 * The demand figures results and the app report (DESIGN.md §3.1 step 5): commute-weighted figures for
 * everyone, per region (with who crosses its border) and per district (with the jobs–housing balance),
 * before and after; per line boardings, passenger-km and the largest section load, with where the
 * scenario's riders come from; per station and per hub between layers. Lines and stations are in the
 * networks' order (the scenario's new ones last); sums go in zone order, so the figures are deterministic.
 */
export function demandReport(input: DemandReportInput): DemandReport {
  const { network, setup } = input;
  const perDay = setup.assumptions.tripsPerWorkday;
  const p = setup.producers;
  const base = input.baseline;
  const next = input.scenario;
  const all = (t: CommuteTally, riders: number) => figures(commuteFigures(t, perDay), riders);
  // The perceived commuter-seconds the scenario saves, summed in one pass over the zones (in zone order):
  // for everyone, by district, by region.
  const layout = setup.layout;
  const saved = {
    all: 0,
    district: new Float64Array(layout.districtCount),
    region: layout.regions.map(() => 0),
  };
  if (next)
    for (let i = 0; i < layout.zoneCount; i++) {
      const s = next.benefit[i]!;
      saved.all += s;
      if (layout.district[i]! >= 0) saved.district[layout.district[i]!] += s;
      layout.regions.forEach((mask, r) => {
        if (mask[i]) saved.region[r]! += s;
      });
    }
  /** Perceived commuter-seconds (one way) as commuter-hours per working day. */
  const hours = (seconds: number) => (seconds / 3600) * perDay;
  const baseline = all(base.tally, base.assignment.riders);
  const scenario = next ? all(next.tally, next.assignment.riders) : undefined;

  const regionsOf = (network.regions ?? []).map((r, k) => {
    const of = (t: CommuteTally) => regionFigures(t, setup.layout, k, p.workers, p.jobs, perDay);
    const out: AreaReport<RegionFigures> = { id: r.id, name: r.name, baseline: of(base.tally) };
    if (next) {
      out.scenario = of(next.tally);
      out.delta = areaDelta(out.baseline, out.scenario, hours(saved.region[k]!));
    }
    return out;
  });
  const baseDistricts = districtFigures(base.tally, setup.layout, p.workers, p.jobs, perDay);
  const nextDistricts = next
    ? districtFigures(next.tally, setup.layout, p.workers, p.jobs, perDay)
    : undefined;
  const districts = setup.layout.districts.map((id, k) => {
    const out: AreaReport<AreaFigures> = { id, baseline: baseDistricts[k]! };
    const name = input.districtNames?.get(id);
    if (name) out.name = name;
    if (nextDistricts) {
      out.scenario = nextDistricts[k]!;
      out.delta = areaDelta(out.baseline, out.scenario, hours(saved.district[k]!));
    }
    return out;
  });

  const after = input.scenarioNetwork ?? network;
  const lineMeta = new Map([...network.lines, ...after.lines].map((l) => [l.id, l]));
  const lineOrder = [...new Set([...network.lines, ...after.lines].map((l) => l.id))];
  const baseLines = new Map(base.assignment.lines.map((l) => [l.line, l]));
  const nextLines = new Map(next?.assignment.lines.map((l) => [l.line, l]));
  const lines: LineReport[] = lineOrder.flatMap((id) => {
    const b = baseLines.get(id);
    const s = nextLines.get(id);
    if (!b && !s) return [];
    const meta = lineMeta.get(id)!;
    const out: LineReport = {
      line: id,
      name: meta.name,
      layer: meta.layer,
      color: meta.color,
      baseline: b ? lineFigures(b) : null,
      segments: { baseline: b?.segments ?? [] },
    };
    if (next) {
      out.scenario = s ? lineFigures(s) : null;
      out.segments.scenario = s?.segments ?? [];
      if (s) out.sources = sourcesOfClasses(s.boardings);
    }
    return [out];
  });

  const stationMeta = new Map([...network.stations, ...after.stations].map((s) => [s.id, s]));
  const stationOrder = [...new Set([...network.stations, ...after.stations].map((s) => s.id))];
  const strip = ({ station: _s, ...rest }: StationRiders) => rest;
  const baseStations = new Map(base.assignment.stations.map((s) => [s.station, s]));
  const nextStations = new Map(next?.assignment.stations.map((s) => [s.station, s]));
  const stations: StationReport[] = stationOrder.flatMap((id) => {
    const b = baseStations.get(id);
    const s = nextStations.get(id);
    if (!b && !s) return [];
    const out: StationReport = {
      station: id,
      name: stationMeta.get(id)!.name,
      baseline: b ? strip(b) : null,
    };
    if (next) out.scenario = s ? strip(s) : null;
    return [out];
  });

  const transfers = new Map<string, DemandReport['layerTransfers'][number]>();
  const key = (t: LayerTransfer) => `${t.place}|${t.from}|${t.to}`;
  for (const t of base.assignment.layerTransfers)
    transfers.set(key(t), {
      place: t.place,
      from: t.from,
      to: t.to,
      baseline: t.riders,
      ...(next && { scenario: 0 }),
    });
  for (const t of next?.assignment.layerTransfers ?? []) {
    const known = transfers.get(key(t)) ?? {
      place: t.place,
      from: t.from,
      to: t.to,
      baseline: 0,
      scenario: 0,
    };
    known.scenario = t.riders;
    transfers.set(key(t), known);
  }

  const report: DemandReport = {
    term: input.term,
    beta: input.beta,
    workers: sum(p.workers),
    jobs: sum(p.jobs),
    jobsScale: p.jobsScale,
    ...(p.jobsScaleByRegion && { jobsScaleByRegion: p.jobsScaleByRegion }),
    tripsPerWorkday: perDay,
    baseline,
    regions: regionsOf,
    districts,
    lines,
    stations,
    layerTransfers: [...transfers.values()].sort(
      (a, b) =>
        b.baseline + (b.scenario ?? 0) - (a.baseline + (a.scenario ?? 0)) || key2(a).localeCompare(key2(b)),
    ),
    zones: {
      workers: p.workers,
      commuteMinutes: { baseline: zoneCommuteMinutes(base.tally) },
    },
  };
  if (scenario && next) {
    report.scenario = scenario;
    report.delta = delta(baseline, scenario, hours(saved.all));
    const acc = new Float64Array(SOURCE_CLASSES);
    for (let i = 0; i < next.tally.zoneCount; i++)
      for (let c = 0; c < SOURCE_CLASSES; c++) acc[c] += next.sources[i * SOURCE_CLASSES + c]!;
    report.sources = sourcesRecord(acc);
    report.zones.commuteMinutes.scenario = zoneCommuteMinutes(next.tally);
  }
  return report;
}

const key2 = (t: { place: string; from: string; to: string }) => `${t.place}|${t.from}|${t.to}`;

function areaDelta(a: CommuteFigures, b: CommuteFigures, perceivedHoursSaved: number): Delta {
  const { histogram: _h, ...d } = compareFigures(a, b);
  return { ...d, railRiders: railShare(b) - railShare(a), perceivedHoursSaved };
}

function sum(values: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) s += values[k]!;
  return s;
}
