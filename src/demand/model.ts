import { DEMAND_MODES, type LogitParams } from '../domain/demand';
import { perceivedSecondsSaved } from './benefit';
import { type CalibrationOptions, type CalibrationResult, calibrateBeta } from './calibrate';
import { type Distribution, distribute, type GravityInput, tripsRow } from './gravity';
import { chooseModes } from './modeChoice';
import { addSources, emptySources, type RiderSources, sourcesRecord } from './sources';
import { type CommuteTally, emptyTally, type TallyLayout, tallyOrigin } from './tally';

/**
 * The demand model end to end over one row source per scenario, serially: the reference pipeline that
 * tests and small networks run as is, and the order of work that parallel wiring keeps (DESIGN.md §3.1):
 *
 *   1. per origin: mode choice → composite cost and expected time rows (matrices Z×Z, Float32);
 *   2. the baseline distribution: β calibrated to the target, or the given β;
 *   3. per origin again: trips T_ij, modes re-chosen, figures tallied; for a scenario, the short term keeps
 *      the baseline's trips (its own composite matrices are not needed), the long term redistributes with
 *      the baseline β on the scenario's composite costs (step 1 for the scenario, then one Furness).
 *
 * One code path for baseline and scenario: a scenario is just another row source.
 */

/** One origin's options per mode (DEMAND_MODES order), each a row over destinations. */
export interface ModeRows {
  cost: Float64Array[];
  time: Float64Array[];
}

/** Fills `out` with origin i's per-mode perceived costs and physical times (+Infinity: not available). */
export type RowSource = (origin: number, out: ModeRows) => void;

export function modeRows(zoneCount: number): ModeRows {
  const rows = () => DEMAND_MODES.map(() => new Float64Array(zoneCount));
  return { cost: rows(), time: rows() };
}

export interface Composite {
  /** Logsum composite cost, generalized seconds, row-major Z×Z. */
  cost: Float32Array;
  /** Mode-choice-weighted physical time, seconds. */
  time: Float32Array;
}

/** Pass 1: every origin's composite cost and expected time. */
export function compositeMatrices(zoneCount: number, source: RowSource, logit: LogitParams): Composite {
  const z = zoneCount;
  const cost = new Float32Array(z * z);
  const time = new Float32Array(z * z);
  const rows = modeRows(z);
  for (let i = 0; i < z; i++) {
    source(i, rows);
    chooseModes(rows.cost, rows.time, logit, {
      composite: cost.subarray(i * z, (i + 1) * z),
      expectedTime: time.subarray(i * z, (i + 1) * z),
    });
  }
  return { cost, time };
}

export type BetaChoice =
  | { betaPerSecond: number }
  | { calibrate: { origins: ArrayLike<number>; targetSeconds: number; options?: CalibrationOptions } };

export interface ScenarioDemand {
  /** The composite matrices the distribution used (a short-term scenario has none of its own). */
  composite?: Composite;
  distribution: Distribution;
  tally: CommuteTally;
}

export interface DemandResult {
  /** The β used (calibrated or given), per generalized second. */
  betaPerSecond: number;
  calibration?: CalibrationResult;
  baseline: ScenarioDemand & { composite: Composite };
  scenario?: ScenarioDemand & {
    term: 'short' | 'long';
    /** Where all the scenario's rail riders come from (per line needs the assignment's weights). */
    railSources: RiderSources;
    /** Per origin, the perceived one-way commuter-seconds saved (benefit.ts), over every destination. */
    benefit: Float64Array;
  };
}

export function runDemand(
  g: GravityInput,
  logit: LogitParams,
  layout: TallyLayout,
  beta: BetaChoice,
  baseline: RowSource,
  scenario?: { source: RowSource; term: 'short' | 'long' },
): DemandResult {
  const z = g.zoneCount;
  const base = compositeMatrices(z, baseline, logit);
  let calibration: CalibrationResult | undefined;
  let distribution: Distribution;
  if ('calibrate' in beta) {
    const c = beta.calibrate;
    calibration = calibrateBeta(base.cost, base.time, g, c.origins, c.targetSeconds, c.options);
    distribution = calibration;
  } else distribution = distribute(base.cost, g, beta.betaPerSecond);
  const betaPerSecond = distribution.betaPerSecond;

  // The short term keeps the baseline's trips: the scenario's composite costs are needed only to redistribute.
  const next = scenario?.term === 'long' ? compositeMatrices(z, scenario.source, logit) : undefined;
  const redistributed = next
    ? distribute(next.cost, g, betaPerSecond, { start: distribution.balance.columnFactor })
    : distribution;

  const baseTally = emptyTally(layout);
  const nextTally = emptyTally(layout);
  const sources = emptySources();
  const rows0 = modeRows(z);
  const rows1 = modeRows(z);
  const shares0 = DEMAND_MODES.map(() => new Float64Array(z));
  const shares1 = DEMAND_MODES.map(() => new Float64Array(z));
  const expectedTime = new Float64Array(z);
  const composite0 = new Float64Array(z);
  const composite1 = new Float64Array(z);
  const benefit = new Float64Array(z);
  const everyDestination = Int32Array.from({ length: z }, (_, j) => j);
  const trips0 = new Float64Array(z);
  const trips1 = new Float64Array(z);
  for (let i = 0; i < z; i++) {
    if (g.workers[i]! <= 0) continue;
    baseline(i, rows0);
    chooseModes(rows0.cost, rows0.time, logit, { composite: composite0, expectedTime, shares: shares0 });
    tripsRow(distribution.deterrence, z, distribution.balance, i, trips0);
    tallyOrigin(baseTally, layout, i, trips0, rows0.time, shares0);
    if (!scenario) continue;
    scenario.source(i, rows1);
    chooseModes(rows1.cost, rows1.time, logit, { composite: composite1, expectedTime, shares: shares1 });
    tripsRow(redistributed.deterrence, z, redistributed.balance, i, trips1);
    tallyOrigin(nextTally, layout, i, trips1, rows1.time, shares1);
    addSources(sources, { trips: trips0, shares: shares0 }, { trips: trips1, shares: shares1 });
    benefit[i] = perceivedSecondsSaved(
      { composite: composite0, trips: trips0 },
      { composite: composite1, trips: trips1 },
      everyDestination,
      z,
    );
  }
  const result: DemandResult = {
    betaPerSecond,
    baseline: { composite: base, distribution, tally: baseTally },
  };
  if (calibration) result.calibration = calibration;
  if (scenario)
    result.scenario = {
      ...(next ? { composite: next } : {}),
      distribution: redistributed,
      tally: nextTally,
      term: scenario.term,
      railSources: sourcesRecord(sources),
      benefit,
    };
  return result;
}
