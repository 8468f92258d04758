import type { ZoneClass } from './surface';
import type { Seconds } from './units';

/**
 * The demand model's parameters (DESIGN.md §3.1): who commutes (workers per zone), how far they are
 * willing to go (the gravity model's β, calibrated on a region's published mean commute), and by what
 * (a multinomial logit over the modes below, with the car's time and cost built here from distances).
 *
 * Every default says where it comes from: a number with a source names it; an assumption says it is one.
 */

/**
 * The options of one commute: the surface modes, rail (the best path with any access), and the car. A
 * mode's code is its index; the first four are TRIP_MODES (domain/modes.ts) with the same codes.
 */
export const DEMAND_MODES = ['walk', 'bike', 'bus', 'rail', 'car'] as const;
export type DemandMode = (typeof DEMAND_MODES)[number];
export const CAR = 4;

export type ByClass<T> = Record<ZoneClass, T>;

/** The calibration population and its published mean one-way commute. */
/**
 * A region's net in-commuters (in minus out) where a published figure says so: its zones' jobs are scaled to
 * total its resident workers plus these, the other zones' jobs share what is left of the workers' total.
 */
export interface NetInflow {
  /** Id of one of the network's `regions`. */
  region: string;
  /** Commuters coming in less those going out (negative: a region its workers leave). */
  commuters: number;
  source: string;
}

export interface Calibration {
  /** Id of one of the network's `regions`: its resident workers are the calibration population. */
  region: string;
  /** Their mean one-way physical commute, door to door, minutes. */
  targetMinutes: number;
  /** Where the target comes from (shown with the calibrated β). */
  source: string;
}

/**
 * The car: home to the parked car (by the origin's class), driving distance × detour at a congested speed
 * (half the distance at each end's class speed, as the area-wide bus), finding a space and walking to the
 * door (by the destination's class); the parking fee enters as perceived seconds only.
 */
export interface CarAssumptions {
  detour: number;
  speedKmh: ByClass<number>;
  accessSeconds: ByClass<Seconds>;
  parkSeconds: ByClass<Seconds>;
  /** The day's parking fee as generalized seconds of one trip (perceived only, no physical time). */
  parkingCostSeconds: ByClass<Seconds>;
  /** Perceived weight of a driven second (as riding: in-vehicle 1). */
  driveWeight: number;
  /** Perceived weight of a second reaching the car and parking (as walking: 2). */
  terminalWeight: number;
  /** Speeds per analysis period id (congestion differs by time of day), by class. */
  byPeriod: Record<string, { speedKmh?: Partial<ByClass<number>> }>;
}

export interface DemandAssumptions {
  /** Employed residents per resident, for zones that do not carry `workers`. */
  employmentRate: number;
  /** One-way commute trips per worker per working day (commuter-hours count both). */
  tripsPerWorkday: number;
  /** Gravity β per generalized minute where the network names no calibration. */
  betaPerMinute: number;
  /** When present, β is calibrated to it and betaPerMinute is not used. */
  calibration?: Calibration;
  /** Regions whose jobs are scaled to their workers plus a published net inflow (else one scale for all). */
  netInflow?: NetInflow[];
  /** Logit scale θ per generalized minute: utility V_m = −θ·cost_m + constant_m. */
  thetaPerMinute: number;
  /** Alternative-specific constants (utility units) in DEMAND_MODES order of keys. */
  constants: Record<DemandMode, number>;
  car: CarAssumptions;
}

/** What a network may state; everything missing takes the default. */
export interface DemandInput {
  employmentRate?: number;
  tripsPerWorkday?: number;
  betaPerMinute?: number;
  calibration?: Calibration;
  netInflow?: NetInflow[];
  thetaPerMinute?: number;
  constants?: Partial<Record<DemandMode, number>>;
  car?: {
    detour?: number;
    speedKmh?: Partial<ByClass<number>>;
    accessSeconds?: Partial<ByClass<Seconds>>;
    parkSeconds?: Partial<ByClass<Seconds>>;
    parkingCostSeconds?: Partial<ByClass<Seconds>>;
    driveWeight?: number;
    terminalWeight?: number;
    byPeriod?: Record<string, { speedKmh?: Partial<ByClass<number>> }>;
  };
}

/**
 * Defaults. Sources:
 * - employmentRate 0.46: Beijing, 7th census (2020) long form — 1,015,007 employed residents in the ~10 %
 *   sample × 10 ÷ 21,893,095 residents = 0.464 (leiii/census county table; the ×10 is the JJJ build's
 *   stated assumption). Tianjin's is 0.36 and Langfang's 0.45: a network that knows its zones' workers
 *   gives `workers` per zone and this rate is not used.
 * - tripsPerWorkday 2: there and back, the return taken as long as the morning trip (an assumption: the
 *   model computes the am-peak only).
 * - thetaPerMinute 0.025: US home-based-work mode-choice models put the in-vehicle-minute coefficient near
 *   −0.02 to −0.03 (e.g. OKI/MVRPC travel demand model v6.0, home-based work: −0.0248/min); our perceived
 *   minute is an in-vehicle-equivalent minute (in-vehicle weight 1), so θ is that coefficient. We take the
 *   middle of the range. A transfer from US practice: an assumption for Beijing until a local estimate exists.
 * - betaPerMinute 0.03: an assumption, used only by networks that name no calibration target; a network
 *   with one (JJJ: Beijing residents, 47 min, CAUPD) is calibrated instead.
 * - constants: 0 for walk, bike, bus and rail (an assumption: their costs already carry walking, waiting and
 *   transfer weights); car −1.1 ≈ ln(1/3), an assumption standing for "about a third of commuters can drive
 *   to work on a given weekday" (car ownership, the plate lottery, one weekday in five off the road under
 *   尾号限行) — not a measured figure; no commute-only mode split for Beijing was found to calibrate
 *   the constants against (commute-facts.md gives all-trip shares only).
 * - car: detour 1.3 as the network's walking and bus (road circuity is commonly 1.2–1.4; assumption);
 *   am-peak speed 25 km/h urban — above the 18.09 km/h peak ground-bus operating speed, which includes
 *   stops (BTI 2021 annual report), and near the 23.5–26.5 km/h measured on the Third Ring Road bus lane
 *   (commute-facts.md); 45 km/h rural (assumption: expressways and open roads); off-peak 35 / 55 km/h
 *   (assumption). Access 2 min urban, 1 min rural; parking 8 min urban (scarce spaces: search and walk),
 *   2 min rural; parking fee 10 generalized minutes urban, 0 rural (assumptions).
 */
export const DEFAULT_DEMAND: DemandAssumptions = {
  employmentRate: 0.46,
  tripsPerWorkday: 2,
  betaPerMinute: 0.03,
  thetaPerMinute: 0.025,
  constants: { walk: 0, bike: 0, bus: 0, rail: 0, car: -1.1 },
  car: {
    detour: 1.3,
    speedKmh: { urban: 25, rural: 45 },
    accessSeconds: { urban: 120, rural: 60 },
    parkSeconds: { urban: 480, rural: 120 },
    parkingCostSeconds: { urban: 600, rural: 0 },
    driveWeight: 1,
    terminalWeight: 2,
    byPeriod: { 'off-peak': { speedKmh: { urban: 35, rural: 55 } } },
  },
};

/** The source of each default, as the app lists them beside every demand figure. */
export const DEMAND_SOURCES: Record<Exclude<keyof DemandAssumptions, 'calibration' | 'netInflow'>, string> = {
  employmentRate: 'Beijing 2020 census long form: 1,015,007 × 10 ÷ 21,893,095 = 0.46 employed per resident',
  tripsPerWorkday: 'assumption: there and back, the return as long as the morning trip',
  betaPerMinute: 'assumption (used only without a calibration target)',
  thetaPerMinute:
    'US home-based-work mode choice, in-vehicle minute −0.02 to −0.03 (e.g. OKI/MVRPC v6.0: −0.0248); middle taken — a transfer, an assumption for Beijing',
  constants:
    'assumption: car −1.1 ≈ ln(1/3), a third of commuters able to drive on a given weekday; others 0',
  car: 'urban am-peak 25 km/h: above the 18.09 km/h peak bus speed (BTI 2021), near the 23.5–26.5 km/h on the Third Ring bus lane; rural speed, parking and access: assumptions',
};

/** Fill a network's demand section with the defaults; a new object. */
export function resolveDemand(input: DemandInput | undefined): DemandAssumptions {
  const d = DEFAULT_DEMAND;
  const i = input ?? {};
  const c = i.car ?? {};
  const out: DemandAssumptions = {
    employmentRate: i.employmentRate ?? d.employmentRate,
    tripsPerWorkday: i.tripsPerWorkday ?? d.tripsPerWorkday,
    betaPerMinute: i.betaPerMinute ?? d.betaPerMinute,
    thetaPerMinute: i.thetaPerMinute ?? d.thetaPerMinute,
    constants: { ...d.constants, ...i.constants },
    car: {
      detour: c.detour ?? d.car.detour,
      speedKmh: { ...d.car.speedKmh, ...c.speedKmh },
      accessSeconds: { ...d.car.accessSeconds, ...c.accessSeconds },
      parkSeconds: { ...d.car.parkSeconds, ...c.parkSeconds },
      parkingCostSeconds: { ...d.car.parkingCostSeconds, ...c.parkingCostSeconds },
      driveWeight: c.driveWeight ?? d.car.driveWeight,
      terminalWeight: c.terminalWeight ?? d.car.terminalWeight,
      byPeriod: byPeriod(d.car.byPeriod, c.byPeriod),
    },
  };
  if (i.calibration) out.calibration = { ...i.calibration };
  if (i.netInflow?.length) out.netInflow = i.netInflow.map((x) => ({ ...x }));
  return out;
}

/** Period overrides of the default and the network, merged per period and class. */
function byPeriod(
  base: CarAssumptions['byPeriod'],
  over: CarAssumptions['byPeriod'] | undefined,
): CarAssumptions['byPeriod'] {
  const periods = new Set([...Object.keys(base), ...Object.keys(over ?? {})]);
  return Object.fromEntries(
    [...periods].map((p) => [p, { speedKmh: { ...base[p]?.speedKmh, ...over?.[p]?.speedKmh } }]),
  );
}

/** The car in one period: class values with that period's speeds. */
export type CarParams = Omit<CarAssumptions, 'byPeriod'>;

export function carParams(car: CarAssumptions, period: string): CarParams {
  const { byPeriod, ...rest } = car;
  return { ...rest, speedKmh: { ...car.speedKmh, ...byPeriod[period]?.speedKmh } };
}

/** The logit's parameters in the units the computation uses (per generalized second), in mode order. */
export interface LogitParams {
  thetaPerSecond: number;
  constants: readonly number[];
}

export function logitParams(d: DemandAssumptions): LogitParams {
  return { thetaPerSecond: d.thetaPerMinute / 60, constants: DEMAND_MODES.map((m) => d.constants[m]) };
}
