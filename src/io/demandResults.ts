import type { Delta, DemandReport, Figures, LineFigures } from '../demand/report';
import type { RiderSources } from '../demand/sources';
import type { AreaFigures, CommuteFigures, RegionFigures } from '../demand/tally';
import type { DemandResults } from './schema/demandResults';

const r2 = (x: number) => Math.round(x * 100) / 100;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const orNull = (x: number | null, round: (x: number) => number) => (x === null ? null : round(x));
const record = <T extends Record<string, number>>(o: T, round: (x: number) => number) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)])) as T;

function figures(f: Omit<CommuteFigures, 'histogram'>) {
  return {
    commuters: r2(f.commuters),
    meanCommuteMinutes: orNull(f.meanCommuteMinutes, r2),
    shareWithin45: orNull(f.shareWithin45, r6),
    shareOver60: orNull(f.shareOver60, r6),
    modeShares: f.modeShares && record(f.modeShares, r6),
    commuterHoursPerWorkday: r2(f.commuterHoursPerWorkday),
  };
}

function delta(d: Delta): NonNullable<DemandResults['delta']> {
  return {
    commuters: r2(d.commuters),
    meanCommuteMinutes: orNull(d.meanCommuteMinutes, r2),
    shareWithin45: orNull(d.shareWithin45, r6),
    shareOver60: orNull(d.shareOver60, r6),
    modeShares: d.modeShares && record(d.modeShares, r6),
    commuterHoursSaved: r2(d.commuterHoursSaved),
    perceivedHoursSaved: r2(d.perceivedHoursSaved),
    railRiders: r2(d.railRiders),
  };
}

const sideFigures = (f: Figures) => ({
  ...figures(f),
  railRiders: r2(f.railRiders),
  histogram: { bandMinutes: f.histogram.bandMinutes, commuters: f.histogram.commuters.map(r2) },
});

const jobsHousing = (f: AreaFigures) => ({
  residentWorkers: r2(f.residentWorkers),
  jobs: r2(f.jobs),
  jobsPerWorker: orNull(f.jobsPerWorker, r6),
  workInside: r2(f.workInside),
  shareWorkingInside: orNull(f.shareWorkingInside, r6),
});
const areaFigures = (f: AreaFigures) => ({
  ...figures(f),
  histogram: f.histogram.map(r2),
  ...jobsHousing(f),
});
const regionFigures = (f: RegionFigures) => ({
  ...areaFigures(f),
  inbound: r2(f.inbound),
  outbound: r2(f.outbound),
});

const lineFigures = (f: LineFigures | null) =>
  f && {
    boardings: r2(f.boardings),
    passengerKm: r2(f.passengerKm),
    maxSectionLoad: r2(f.maxSectionLoad),
    ...(f.maxSection && { maxSection: { ...f.maxSection, riders: r2(f.maxSection.riders) } }),
  };
const sources = (s: RiderSources) => record(s, (x) => Math.max(0, r2(x)));

/**
 * The results' demand section from the model's report: numbers rounded (counts and minutes to 0.01, shares
 * to 1e-6) after every computation, so identical inputs give identical files. Segments and per-zone arrays
 * are not here: per-zone figures go beside the other per-zone metrics (io/results.ts), segments to the
 * line-loads exports.
 */
export function demandResults(d: DemandReport): DemandResults {
  const b = d.beta;
  return {
    estimate: true,
    term: d.term,
    beta: {
      perMinute: b.perMinute,
      calibrated: b.calibrated,
      ...(b.targetMinutes !== undefined && { targetMinutes: b.targetMinutes }),
      ...(b.meanMinutes !== undefined && { meanMinutes: r6(b.meanMinutes) }),
      ...(b.relativeError !== undefined && { relativeError: b.relativeError }),
      ...(b.evaluations !== undefined && { evaluations: b.evaluations }),
      furnessIterations: b.furnessIterations,
      rowError: b.rowError,
      columnError: b.columnError,
      ...(b.region !== undefined && { region: b.region }),
      ...(b.source !== undefined && { source: b.source }),
    },
    workers: r2(d.workers),
    jobs: r2(d.jobs),
    jobsScale: d.jobsScale,
    ...(d.jobsScaleByRegion && { jobsScaleByRegion: d.jobsScaleByRegion }),
    tripsPerWorkday: d.tripsPerWorkday,
    baseline: sideFigures(d.baseline),
    ...(d.scenario && { scenario: sideFigures(d.scenario) }),
    ...(d.delta && { delta: delta(d.delta) }),
    ...(d.sources && { sources: sources(d.sources) }),
    regions: d.regions.map((a) => ({
      id: a.id,
      ...(a.name && { name: a.name }),
      baseline: regionFigures(a.baseline),
      ...(a.scenario && { scenario: regionFigures(a.scenario) }),
      ...(a.delta && { delta: delta(a.delta) }),
    })),
    districts: d.districts.map((a) => ({
      id: a.id,
      ...(a.name && { name: a.name }),
      baseline: areaFigures(a.baseline),
      ...(a.scenario && { scenario: areaFigures(a.scenario) }),
      ...(a.delta && { delta: delta(a.delta) }),
    })),
    lines: d.lines.map((l) => ({
      line: l.line,
      name: l.name,
      layer: l.layer,
      baseline: lineFigures(l.baseline),
      ...(l.scenario !== undefined && { scenario: lineFigures(l.scenario) }),
      ...(l.sources && { sources: sources(l.sources) }),
    })),
    stations: d.stations.map((s) => {
      const f = (x: typeof s.baseline) => x && record(x, r2);
      return {
        station: s.station,
        name: s.name,
        baseline: f(s.baseline),
        ...(s.scenario !== undefined && { scenario: f(s.scenario) }),
      };
    }),
    layerTransfers: d.layerTransfers.map((t) => ({
      place: t.place,
      from: t.from,
      to: t.to,
      baseline: r2(t.baseline),
      ...(t.scenario !== undefined && { scenario: r2(t.scenario) }),
    })),
  };
}
