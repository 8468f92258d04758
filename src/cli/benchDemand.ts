/**
 * `npm run bench:demand [-- --zones N] [--json]`: figures of the demand model's core, never assertions.
 * Synthetic costs on the benchmark region's zones (default 4,716, as JJJ: 22 M OD cells): per-mode rows
 * from distances (walk, bike, bus, rail in closed form; the car by demand/car.ts), then
 *   - mode choice for every origin (the composite cost and expected time matrices);
 *   - the deterrence matrix and a Furness balance to 1e-6 at a fixed β: iterations, time per iteration;
 *   - β calibrated to a mean commute for the inner districts (Hyman, safeguarded; --target minutes,
 *     default 40: this square is smaller than JJJ): β, evaluations, time;
 *   - the tally pass (trips, modes re-chosen, figures), and a long-term scenario's Furness (warm start);
 *   - matrix memory and the process's peak resident memory.
 */
import { parseArgs } from 'node:util';
import { calibrateBeta, meanTime } from '../demand/calibrate';
import {
  carRow,
  carTable,
  intrazonalMeters,
  zoneClassCodes,
  zoneMeters,
  zoneUnitVectors,
} from '../demand/car';
import { deterrence, furness, type GravityInput, tripsRow } from '../demand/gravity';
import { RowMatrix } from '../demand/kernels/rowMatrix';
import { chooseModes } from '../demand/modeChoice';
import { type ModeRows, modeRows, type RowSource } from '../demand/model';
import { producers } from '../demand/producers';
import { commuteFigures, emptyTally, tallyLayout, tallyOrigin } from '../demand/tally';
import { carParams, DEFAULT_DEMAND, DEMAND_MODES, logitParams } from '../domain/demand';
import type { ZoneClass } from '../domain/surface';
import { BENCH_REGION, syntheticRegion } from './synthetic';

const { values } = parseArgs({
  options: {
    zones: { type: 'string', default: '4716' },
    // The synthetic 60 km square is smaller than JJJ: its inner districts' longest possible mean is ~44 min.
    target: { type: 'string', default: '40' },
    json: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (t0: number) => performance.now() - t0;
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const region = syntheticRegion({ ...BENCH_REGION, zones: Number(values.zones) });
const zones = region.zones;
const z = zones.length;
const centre = region.zones.reduce((a, q) => [a[0] + q.centroid[0] / z, a[1] + q.centroid[1] / z], [0, 0]);
const unit = zoneUnitVectors(zones.map((q) => q.centroid));
const centreUnit = zoneUnitVectors([centre as [number, number]]);
const fromCentre = (i: number) => {
  const both = new Float64Array([...unit.subarray(3 * i, 3 * i + 3), ...centreUnit]);
  return zoneMeters(both, 0, 1);
};
const classes: ZoneClass[] = zones.map((_, i) => (fromCentre(i) < 15_000 ? 'urban' : 'rural'));
// 16 districts on a 4 × 4 grid of the 60 km square; the calibration region is the inner four.
const district = zones.map((q) => {
  const gx = Math.min(3, Math.max(0, Math.floor(((q.centroid[0] - centre[0]) * 85.2) / 15 + 2)));
  const gy = Math.min(3, Math.max(0, Math.floor(((q.centroid[1] - centre[1]) * 111.2) / 15 + 2)));
  return `d${gx}${gy}`;
});
const layout = tallyLayout(district, [{ districts: ['d11', 'd12', 'd21', 'd22'] }]);
const inner = Array.from(layout.regions[0]!.entries())
  .filter(([, v]) => v)
  .map(([i]) => i);

const demand = DEFAULT_DEMAND;
const logit = logitParams(demand);
const p = producers(zones, demand.employmentRate);
const g: GravityInput = { zoneCount: z, workers: p.workers, attractors: p.attractors };
const intrazonal = intrazonalMeters(unit);
const codes = zoneClassCodes(classes);
const car = carTable(carParams(demand.car, 'am-peak'));

/** Deterministic noise in [0, 1) per OD pair, so rail is better on some pairs than others. */
const noise = (i: number, j: number) =>
  (Math.imul((i * 73856093) ^ (j * 19349663), 0x9e3779b1) >>> 0) / 2 ** 32;

/** Synthetic surface and rail rows from distance; `railFactor` < 1 makes rail faster (a scenario). */
const source =
  (railFactor: (i: number, j: number) => number): RowSource =>
  (i: number, out: ModeRows) => {
    carRow(i, unit, codes, intrazonal, car, out.cost[4]!, out.time[4]!);
    for (let j = 0; j < z; j++) {
      const m = j === i ? intrazonal[i]! : zoneMeters(unit, i, j);
      const walk = (m * 1.3) / 1.25;
      out.time[0]![j] = m <= 3000 ? walk : Number.POSITIVE_INFINITY;
      out.cost[0]![j] = 2 * out.time[0]![j]!;
      const bike = 180 + (m * 1.3) / 3.61;
      out.time[1]![j] = m <= 8000 ? bike : Number.POSITIVE_INFINITY;
      out.cost[1]![j] = 2 * out.time[1]![j]!;
      const bus = 300 + 240 + (m * 1.3) / 5;
      out.time[2]![j] = bus;
      out.cost[2]![j] = 2 * 540 + 1.25 * (bus - 540);
      const rail = (900 + m / (9 + 6 * noise(i, j))) * railFactor(i, j);
      out.time[3]![j] = rail;
      out.cost[3]![j] = 1.6 * rail;
    }
  };

const figures: Record<string, number> = { zones: z, cells: z * z };
log(`demand benchmark: ${z} zones, ${((z * z) / 1e6).toFixed(1)} M OD cells, ${DEMAND_MODES.length} modes`);

/** Pass 1 with the row source's time and mode choice's time apart. */
function composite(rowSource: RowSource): {
  cost: Float32Array;
  time: Float32Array;
  sourceMs: number;
  choiceMs: number;
} {
  const cost = new Float32Array(z * z);
  const time = new Float32Array(z * z);
  const rows = modeRows(z);
  let sourceMs = 0;
  let choiceMs = 0;
  for (let i = 0; i < z; i++) {
    let t = performance.now();
    rowSource(i, rows);
    sourceMs += ms(t);
    t = performance.now();
    chooseModes(rows.cost, rows.time, logit, {
      composite: cost.subarray(i * z, (i + 1) * z),
      expectedTime: time.subarray(i * z, (i + 1) * z),
    });
    choiceMs += ms(t);
  }
  return { cost, time, sourceMs, choiceMs };
}

const base = composite(source(() => 1));
figures.modeChoiceMs = base.choiceMs;
sample();
log(
  `mode choice, all origins (composite cost + expected time): ${base.choiceMs.toFixed(0)} ms (${((base.choiceMs * 1e6) / (z * z)).toFixed(1)} ns per OD); the synthetic rows themselves ${base.sourceMs.toFixed(0)} ms`,
);

const f = new RowMatrix(z, z, { costs: false });
const beta = demand.betaPerMinute / 60;
let t0 = performance.now();
deterrence(base.cost, g, beta, f.f);
figures.deterrenceMs = ms(t0);
t0 = performance.now();
const balance = furness(f, g);
figures.furnessMs = ms(t0);
figures.furnessIterations = balance.iterations;
figures.msPerFurnessIteration = figures.furnessMs / balance.iterations;
sample();
log(
  `β ${demand.betaPerMinute}/min: deterrence ${figures.deterrenceMs.toFixed(0)} ms; Furness ${balance.iterations} iterations in ${figures.furnessMs.toFixed(0)} ms (${figures.msPerFurnessIteration.toFixed(1)} ms per iteration), rows within ${balance.rowError.toExponential(2)}, columns ${balance.columnError.toExponential(2)}`,
);
log(
  `  mean commute of the inner districts at that β: ${(meanTime(f.f, z, balance, base.time, inner).seconds / 60).toFixed(1)} min`,
);

t0 = performance.now();
const target = Number(values.target);
const calibration = calibrateBeta(base.cost, base.time, g, inner, target * 60);
figures.calibrationMs = ms(t0);
figures.calibrationEvaluations = calibration.iterations;
figures.calibrationFurnessIterations = calibration.furnessIterations;
figures.betaPerMinute = calibration.betaPerSecond * 60;
figures.calibratedMeanMinutes = calibration.meanSeconds / 60;
figures.calibrationRelativeError = calibration.relativeError;
sample();
log(
  `calibration to ${target} min: β = ${figures.betaPerMinute.toFixed(5)}/min after ${calibration.iterations} evaluations (${calibration.furnessIterations} Furness iterations) in ${figures.calibrationMs.toFixed(0)} ms; mean ${figures.calibratedMeanMinutes.toFixed(3)} min, relative error ${calibration.relativeError.toExponential(2)}`,
);
for (const s of calibration.trace)
  log(
    `  β ${(s.betaPerSecond * 60).toFixed(5)}/min → ${s.meanSeconds === null ? 'not balanced' : `${(s.meanSeconds / 60).toFixed(2)} min`} (${s.furnessIterations} Furness iterations)`,
  );

// The tally pass: trips per origin, modes re-chosen, figures (the rows' own time left out).
const tally = emptyTally(layout);
const rows = modeRows(z);
const shares = DEMAND_MODES.map(() => new Float64Array(z));
const scratch = { composite: new Float64Array(z), expectedTime: new Float64Array(z), shares };
const trips = new Float64Array(z);
const baseline = source(() => 1);
figures.tallyMs = 0;
for (let i = 0; i < z; i++) {
  baseline(i, rows);
  t0 = performance.now();
  chooseModes(rows.cost, rows.time, logit, scratch);
  tripsRow(calibration.deterrence, z, calibration.balance, i, trips);
  tallyOrigin(tally, layout, i, trips, rows.time, shares);
  figures.tallyMs += ms(t0);
}
const all = commuteFigures(tally, demand.tripsPerWorkday);
log(
  `tally (mode choice with shares, trips, figures; rows aside): ${figures.tallyMs.toFixed(0)} ms — ${Math.round(all.commuters)} commuters, mean ${all.meanCommuteMinutes?.toFixed(1)} min, ≤ 45 min ${(100 * all.shareWithin45!).toFixed(1)} %, > 60 min ${(100 * all.shareOver60!).toFixed(1)} %, modes ${DEMAND_MODES.map((m) => `${m} ${(100 * all.modeShares![m]).toFixed(1)} %`).join(', ')}`,
);

// A long-term scenario: rail 20 % faster on a tenth of the pairs; the baseline β, warm-started Furness.
const next = composite(source((i, j) => (noise(j, i) < 0.1 ? 0.8 : 1)));
figures.scenarioModeChoiceMs = next.choiceMs;
t0 = performance.now();
deterrence(next.cost, g, calibration.betaPerSecond, f.f);
const long = furness(f, g, { start: calibration.balance.columnFactor });
figures.longTermMs = ms(t0);
figures.longTermFurnessIterations = long.iterations;
sample();
log(
  `long term: scenario mode choice ${figures.scenarioModeChoiceMs.toFixed(0)} ms; deterrence + Furness from the baseline's factors ${long.iterations} iterations, ${figures.longTermMs.toFixed(0)} ms`,
);

const matrixMb = (4 * z * z) / 2 ** 20;
figures.matrixMb = matrixMb;
figures.peakRssMb = peakRss / 2 ** 20;
log(
  `memory: one Z×Z Float32 matrix ${matrixMb.toFixed(0)} MB (composite cost, expected time, deterrence: 3 per scenario held at once, plus the calibration's buffer); peak resident ${figures.peakRssMb.toFixed(0)} MB`,
);
if (values.json) console.log(JSON.stringify(figures));
