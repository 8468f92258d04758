import { DEMAND_MODES } from '../domain/demand';

/**
 * Commute-weighted figures (DESIGN.md §3.1 step 5), accumulated origin by origin as trip rows stream in.
 * A tally holds per-origin sums only, each written from its own row: tallies of disjoint origin blocks
 * (one per worker) merge by adding, and the result does not depend on how origins were split.
 *
 * Every worker is a commuter (a trip within the zone included, at its intrazonal time); times are one way,
 * door to door, of the mode each commuter takes (the logit's shares of the OD's commuters).
 */

/** Thresholds the results report, minutes: within 45 (≤), over 60 (>). */
export const WITHIN_MINUTES = 45;
export const OVER_MINUTES = 60;
/** Commute-time histogram: 10-minute bands to 3 h, then one open band. */
export const BAND_MINUTES = 10;
export const BANDS = 19;

/** Where zones belong: a district index per zone (−1: none) and a membership mask per region. */
export interface TallyLayout {
  zoneCount: number;
  district: Int32Array;
  districtCount: number;
  regions: readonly Uint8Array[];
}

/** Per origin zone i (arrays of zoneCount unless said). */
export interface CommuteTally {
  zoneCount: number;
  /** Commute trips produced (= workers once balanced). */
  commuters: Float64Array;
  /** One-way commuter-seconds. */
  seconds: Float64Array;
  within45: Float64Array;
  over60: Float64Array;
  /** Commuters by mode: [m × zoneCount + i], DEMAND_MODES order. */
  byMode: Float64Array;
  /** Commuters by band: [i × BANDS + band]. */
  histogram: Float64Array;
  /** Commuters working in the origin's own district. */
  ownDistrict: Float64Array;
  /** Commuters working in region r: [r × zoneCount + i]. */
  intoRegion: Float64Array;
}

/** A tally of every zone, or with `rows` of that many origins (a block of them: see tallyOrigin's `slot`). */
export function emptyTally(layout: TallyLayout, rows = layout.zoneCount): CommuteTally {
  const z = rows;
  return {
    zoneCount: z,
    commuters: new Float64Array(z),
    seconds: new Float64Array(z),
    within45: new Float64Array(z),
    over60: new Float64Array(z),
    byMode: new Float64Array(DEMAND_MODES.length * z),
    histogram: new Float64Array(BANDS * z),
    ownDistrict: new Float64Array(z),
    intoRegion: new Float64Array(layout.regions.length * z),
  };
}

/**
 * Add origin i's commutes: `trips[j]` commuters to each destination j, of whom `shares[m][j]` take mode m,
 * taking `time[m][j]` seconds. Cells without trips or a mode without share are skipped (their time may be
 * +Infinity). Written to row `slot` of the tally (default i; a worker's tally of a block of origins writes
 * them at 0, 1, …, and scatterTally puts them back).
 */
export function tallyOrigin(
  t: CommuteTally,
  layout: TallyLayout,
  i: number,
  trips: ArrayLike<number>,
  time: readonly ArrayLike<number>[],
  shares: readonly ArrayLike<number>[],
  slot = i,
): void {
  const z = t.zoneCount;
  const district = layout.district;
  const own = district[i]!;
  const regions = layout.regions;
  const modes = DEMAND_MODES.length;
  const within = WITHIN_MINUTES * 60;
  const over = OVER_MINUTES * 60;
  const band = BAND_MINUTES * 60;
  const hist = slot * BANDS;
  let commuters = 0;
  let seconds = 0;
  let within45 = 0;
  let over60 = 0;
  let ownDistrict = 0;
  for (let j = 0; j < layout.zoneCount; j++) {
    const x = trips[j]!;
    if (!(x > 0)) continue;
    commuters += x;
    if (own >= 0 && district[j] === own) ownDistrict += x;
    for (let r = 0; r < regions.length; r++) if (regions[r]![j]) t.intoRegion[r * z + slot] += x;
    for (let m = 0; m < modes; m++) {
      const s = shares[m]![j]!;
      if (!(s > 0)) continue;
      const y = x * s;
      const tm = time[m]![j]!;
      t.byMode[m * z + slot] += y;
      seconds += y * tm;
      if (tm <= within) within45 += y;
      if (tm > over) over60 += y;
      t.histogram[hist + Math.min(BANDS - 1, Math.floor(tm / band))] += y;
    }
  }
  t.commuters[slot] += commuters;
  t.seconds[slot] += seconds;
  t.within45[slot] += within45;
  t.over60[slot] += over60;
  t.ownDistrict[slot] += ownDistrict;
}

/**
 * Row `slot` of `t`, holding origin i's tally under one set of modes (shares0, time0), changed to another
 * (shares1, time1) at destinations list[0 … count): the same trips (the short term), other modes. Only what
 * depends on the modes moves — commuters, districts and regions stay exactly as they were. Far cheaper than
 * a new tally where a scenario changes the options to a few destinations.
 */
export function tallyModeChange(
  t: CommuteTally,
  slot: number,
  trips: ArrayLike<number>,
  before: { time: readonly ArrayLike<number>[]; shares: readonly ArrayLike<number>[] },
  after: { time: readonly ArrayLike<number>[]; shares: readonly ArrayLike<number>[] },
  list: Int32Array,
  count: number,
): void {
  const z = t.zoneCount;
  const modes = DEMAND_MODES.length;
  const within = WITHIN_MINUTES * 60;
  const over = OVER_MINUTES * 60;
  const band = BAND_MINUTES * 60;
  const hist = slot * BANDS;
  let seconds = 0;
  let within45 = 0;
  let over60 = 0;
  // No helper closure: the sums stay in registers over every changed pair. Each mode's commuters before
  // leave (−), after arrive (+).
  for (let q = 0; q < count; q++) {
    const j = list[q]!;
    const x = trips[j]!;
    if (!(x > 0)) continue;
    for (let m = 0; m < modes; m++) {
      for (let w = 0; w < 2; w++) {
        const side = w === 0 ? before : after;
        const share = side.shares[m]![j]!;
        if (!(share > 0)) continue;
        const y = (w === 0 ? -x : x) * share;
        const tm = side.time[m]![j]!;
        t.byMode[m * z + slot] += y;
        seconds += y * tm;
        if (tm <= within) within45 += y;
        if (tm > over) over60 += y;
        t.histogram[hist + Math.min(BANDS - 1, Math.floor(tm / band))] += y;
      }
    }
  }
  t.seconds[slot] += seconds;
  t.within45[slot] += within45;
  t.over60[slot] += over60;
}

/** Copy row `from` of tally `a` to row `to` of tally `b` (tallies of the same layout and rows). */
export function copyTallyRow(a: CommuteTally, from: number, b: CommuteTally, to: number): void {
  for (const key of SINGLE) b[key][to] = a[key][from]!;
  for (const key of BLOCKED) {
    const blocks = a[key].length / a.zoneCount;
    for (let k = 0; k < blocks; k++) b[key][k * b.zoneCount + to] = a[key][k * a.zoneCount + from]!;
  }
  b.histogram.set(a.histogram.subarray(from * BANDS, (from + 1) * BANDS), to * BANDS);
}

/** Per-origin arrays and the values per origin each holds (zoneCount-strided blocks, or BANDS per origin). */
const BLOCKED = ['byMode', 'intoRegion'] as const;
const SINGLE = ['commuters', 'seconds', 'within45', 'over60', 'ownDistrict'] as const;

/** Copy a block tally's rows (origins[k] at row k) into the whole tally `into`. */
export function scatterTally(into: CommuteTally, part: CommuteTally, origins: ArrayLike<number>): void {
  for (let k = 0; k < origins.length; k++) copyTallyRow(part, k, into, origins[k]!);
}

/** The rows of `origins` of the whole tally `from`, as a block tally (origins[k] at row k): scatterTally's inverse. */
export function gatherTally(
  from: CommuteTally,
  layout: TallyLayout,
  origins: ArrayLike<number>,
): CommuteTally {
  const block = emptyTally(layout, origins.length);
  for (let k = 0; k < origins.length; k++) copyTallyRow(from, origins[k]!, block, k);
  return block;
}

/** Add `from` into `into` (tallies of disjoint origin blocks, or column blocks of the same origins). */
export function mergeTally(into: CommuteTally, from: CommuteTally): void {
  for (const key of [
    'commuters',
    'seconds',
    'within45',
    'over60',
    'byMode',
    'histogram',
    'ownDistrict',
    'intoRegion',
  ] as const) {
    const a = into[key];
    const b = from[key];
    for (let k = 0; k < a.length; k++) a[k] += b[k]!;
  }
}

/** The figures results report for a set of origin zones. */
export interface CommuteFigures {
  commuters: number;
  /** Mean one-way commute, minutes; null without commuters (as every share below). */
  meanCommuteMinutes: number | null;
  shareWithin45: number | null;
  shareOver60: number | null;
  /** Shares of commuters by the mode they take. */
  modeShares: Record<(typeof DEMAND_MODES)[number], number> | null;
  /** Commuter-hours per working day: commuters × mean one-way time × trips per working day. */
  commuterHoursPerWorkday: number;
  /** Commuters per BAND_MINUTES band of one-way time (the last band open). */
  histogram: number[];
}

/** Figures of the commuters living in `zones` (all zones when omitted), summed in zone order. */
export function commuteFigures(
  t: CommuteTally,
  tripsPerWorkday: number,
  zones?: ArrayLike<number>,
): CommuteFigures {
  const list = zones ?? Array.from({ length: t.zoneCount }, (_, k) => k);
  let commuters = 0;
  let seconds = 0;
  let within = 0;
  let over = 0;
  const byMode = DEMAND_MODES.map(() => 0);
  const histogram = new Array<number>(BANDS).fill(0);
  for (let k = 0; k < list.length; k++) {
    const i = list[k]!;
    commuters += t.commuters[i]!;
    seconds += t.seconds[i]!;
    within += t.within45[i]!;
    over += t.over60[i]!;
    for (let m = 0; m < byMode.length; m++) byMode[m]! += t.byMode[m * t.zoneCount + i]!;
    for (let b = 0; b < BANDS; b++) histogram[b]! += t.histogram[i * BANDS + b]!;
  }
  const some = commuters > 0;
  return {
    commuters,
    meanCommuteMinutes: some ? seconds / commuters / 60 : null,
    shareWithin45: some ? within / commuters : null,
    shareOver60: some ? over / commuters : null,
    modeShares: some
      ? (Object.fromEntries(
          DEMAND_MODES.map((m, k) => [m, byMode[k]! / commuters]),
        ) as CommuteFigures['modeShares'])
      : null,
    commuterHoursPerWorkday: (seconds / 3600) * tripsPerWorkday,
    histogram,
  };
}

/** Mean one-way commute of each zone's resident workers, minutes (NaN where nobody commutes from it). */
export function zoneCommuteMinutes(t: CommuteTally): Float64Array {
  return t.commuters.map((c, i) => (c > 0 ? t.seconds[i]! / c / 60 : Number.NaN));
}

/**
 * An area's commutes with its jobs–housing balance (职住平衡): jobs per resident worker (the network's jobs,
 * not the model's scaled attractors) and the share of its resident commuters who work inside it.
 */
export interface AreaFigures extends CommuteFigures {
  residentWorkers: number;
  jobs: number;
  jobsPerWorker: number | null;
  workInside: number;
  shareWorkingInside: number | null;
}

/** A region adds who crosses its border: commuters from outside working in it, and residents working outside. */
export interface RegionFigures extends AreaFigures {
  inbound: number;
  outbound: number;
}

function areaFigures(
  t: CommuteTally,
  zones: readonly number[],
  workers: Float64Array,
  jobs: Float64Array,
  inside: (i: number) => number,
  tripsPerWorkday: number,
): AreaFigures {
  const figures = commuteFigures(t, tripsPerWorkday, zones);
  let residentWorkers = 0;
  let areaJobs = 0;
  let workInside = 0;
  for (const i of zones) {
    residentWorkers += workers[i]!;
    areaJobs += jobs[i]!;
    workInside += inside(i);
  }
  return {
    ...figures,
    residentWorkers,
    jobs: areaJobs,
    jobsPerWorker: residentWorkers > 0 ? areaJobs / residentWorkers : null,
    workInside,
    shareWorkingInside: figures.commuters > 0 ? workInside / figures.commuters : null,
  };
}

/** Figures per district (index = the layout's district index). */
export function districtFigures(
  t: CommuteTally,
  layout: TallyLayout,
  workers: Float64Array,
  jobs: Float64Array,
  tripsPerWorkday: number,
): AreaFigures[] {
  const zones: number[][] = Array.from({ length: layout.districtCount }, () => []);
  layout.district.forEach((d, i) => {
    if (d >= 0) zones[d]!.push(i);
  });
  return zones.map((list) => areaFigures(t, list, workers, jobs, (i) => t.ownDistrict[i]!, tripsPerWorkday));
}

/** Figures of region r (index into layout.regions). */
export function regionFigures(
  t: CommuteTally,
  layout: TallyLayout,
  r: number,
  workers: Float64Array,
  jobs: Float64Array,
  tripsPerWorkday: number,
): RegionFigures {
  const mask = layout.regions[r]!;
  const z = layout.zoneCount;
  const zones: number[] = [];
  let inbound = 0;
  for (let i = 0; i < z; i++) {
    if (mask[i]) zones.push(i);
    else inbound += t.intoRegion[r * z + i]!;
  }
  const area = areaFigures(t, zones, workers, jobs, (i) => t.intoRegion[r * z + i]!, tripsPerWorkday);
  return { ...area, inbound, outbound: area.commuters - area.workInside };
}

/** Scenario − baseline; commuterHoursSaved is baseline − scenario (positive when commutes get shorter). */
export interface CommuteDelta {
  commuters: number;
  meanCommuteMinutes: number | null;
  shareWithin45: number | null;
  shareOver60: number | null;
  modeShares: Record<(typeof DEMAND_MODES)[number], number> | null;
  commuterHoursSaved: number;
  histogram: number[];
}

export function compareFigures(before: CommuteFigures, after: CommuteFigures): CommuteDelta {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  const bm = before.modeShares;
  const am = after.modeShares;
  return {
    commuters: after.commuters - before.commuters,
    meanCommuteMinutes: diff(before.meanCommuteMinutes, after.meanCommuteMinutes),
    shareWithin45: diff(before.shareWithin45, after.shareWithin45),
    shareOver60: diff(before.shareOver60, after.shareOver60),
    modeShares:
      bm && am
        ? (Object.fromEntries(DEMAND_MODES.map((m) => [m, am[m] - bm[m]])) as CommuteDelta['modeShares'])
        : null,
    commuterHoursSaved: before.commuterHoursPerWorkday - after.commuterHoursPerWorkday,
    histogram: after.histogram.map((h, k) => h - before.histogram[k]!),
  };
}

/** A layout from the zones' district codes and the regions' district lists. */
export function tallyLayout(
  zoneDistricts: readonly (string | undefined)[],
  regions: readonly { districts: readonly string[] }[] = [],
): TallyLayout & { districts: string[] } {
  const districts = [...new Set(zoneDistricts.filter((d): d is string => d !== undefined))];
  const index = new Map(districts.map((d, k) => [d, k]));
  return {
    zoneCount: zoneDistricts.length,
    district: Int32Array.from(zoneDistricts, (d) => (d === undefined ? -1 : index.get(d)!)),
    districtCount: districts.length,
    districts,
    regions: regions.map((r) => {
      const set = new Set(r.districts);
      return Uint8Array.from(zoneDistricts, (d) => (d !== undefined && set.has(d) ? 1 : 0));
    }),
  };
}
