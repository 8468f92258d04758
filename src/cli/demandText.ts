import type { DemandReport, Figures, LineReport } from '../demand/report';
import type { RiderSources } from '../demand/sources';
import { DEMAND_MODES } from '../domain/demand';
import { nameIn } from '../domain/names';

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)} %`;
const num = (x: number) => Math.round(x).toLocaleString('en');
const mins = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${x.toFixed(1)} min`);

function modes(f: { modeShares: Figures['modeShares'] }): string {
  const m = f.modeShares;
  return m ? DEMAND_MODES.map((k) => `${k} ${pct(m[k])}`).join(', ') : '–';
}

function sourcesText(s: RiderSources): string {
  const total = Object.values(s).reduce((a, b) => a + b, 0);
  const parts = (Object.entries(s) as [keyof RiderSources, number][])
    .filter(([, v]) => v >= 0.5)
    .sort((a, b) => b[1] - a[1])
    .map(
      ([k, v]) =>
        `${k === 'rail' ? 'rail before' : k === 'newPairs' ? 'new pairs' : k} ${num(v)} (${pct(v / total)})`,
    );
  return parts.join(', ');
}

/**
 * The demand figures a planner checks first, as stderr lines (every one an estimate): β and its fit, each
 * region's commutes (mean, ≤ 45 min, > 60 min, modes, commuters crossing in), the busiest metro lines, and
 * for a scenario what changes and the ridership of the lines it adds or changes most, with their sources.
 */
export function demandText(d: DemandReport): string {
  const out: string[] = [];
  const b = d.beta;
  out.push(
    `demand (estimates; ${d.term} term): β ${b.perMinute.toFixed(4)}/min${b.calibrated ? ` calibrated to ${b.region} ${mins(b.targetMinutes)} → ${mins(b.meanMinutes)} in ${b.evaluations} evaluations` : ' (given)'}, Furness ${b.furnessIterations} iterations (rows within ${b.rowError.toExponential(1)})`,
  );
  out.push(
    `  ${num(d.workers)} workers, ${num(d.jobs)} jobs (scaled to the workers: ${
      d.jobsScaleByRegion
        ? `${Object.entries(d.jobsScaleByRegion)
            .map(([r, x]) => `${r} ×${x.toFixed(3)} to its workers plus its net inflow, `)
            .join('')}the other zones ×${d.jobsScale.toFixed(3)}`
        : `×${d.jobsScale.toFixed(3)}`
    })`,
  );
  const side = (label: string, f: Figures) =>
    `  ${label}: mean commute ${mins(f.meanCommuteMinutes)}, ≤ 45 min ${pct(f.shareWithin45)}, > 60 min ${pct(f.shareOver60)}; ${modes(f)}; rail riders ${num(f.railRiders)}`;
  out.push(side('all commuters, baseline', d.baseline));
  if (d.scenario) out.push(side('all commuters, scenario', d.scenario));
  for (const r of d.regions) {
    const f = r.baseline;
    out.push(
      `  ${r.name?.en ?? r.id}: ${num(f.commuters)} commuters, mean ${mins(f.meanCommuteMinutes)}, ≤ 45 min ${pct(f.shareWithin45)}, > 60 min ${pct(f.shareOver60)}; ${modes(f)}; ${num(f.inbound)} commute in from outside, ${num(f.outbound)} out; jobs per worker ${f.jobsPerWorker?.toFixed(2) ?? '–'}`,
    );
    if (r.scenario && r.delta)
      out.push(
        `    scenario: mean ${mins(r.scenario.meanCommuteMinutes)} (${signed(r.delta.meanCommuteMinutes)} min), rail ${pct(r.scenario.modeShares?.rail)} (${signed(r.delta.modeShares ? 100 * r.delta.modeShares.rail : null)} points)`,
      );
  }
  const metro = d.lines
    .filter((l) => l.layer === 'metro' && l.baseline)
    .sort((a, b) => b.baseline!.boardings - a.baseline!.boardings)
    .slice(0, 10);
  out.push('  busiest metro lines (baseline, morning commute boardings; busiest section):');
  const names = new Map(d.stations.map((s) => [s.station, nameIn(s.name, 'zh')]));
  for (const l of metro) out.push(`    ${lineText(names, l, 'baseline')}`);
  if (d.delta) {
    out.push(
      `  scenario − baseline: mean commute ${signed(d.delta.meanCommuteMinutes)} min, rail riders ${signed(d.delta.railRiders, 0)}, commuter-hours saved per working day ${num(d.delta.commuterHoursSaved)} physical, ${num(d.delta.perceivedHoursSaved)} perceived (the composite cost's fall)`,
    );
    if (d.sources) out.push(`  the scenario's rail riders come from: ${sourcesText(d.sources)}`);
    const changed = d.lines
      .filter((l) => l.scenario !== undefined)
      .map((l) => ({ l, change: (l.scenario?.boardings ?? 0) - (l.baseline?.boardings ?? 0) }))
      .filter((x) => Math.abs(x.change) >= 1)
      .sort((a, b) => Math.abs(b.change) - Math.abs(a.change))
      .slice(0, 5);
    for (const { l, change } of changed) {
      out.push(
        `    ${lineText(names, l, 'scenario')} (${l.baseline ? `${signed(change, 0)} on the baseline` : 'new'})`,
      );
      if (l.sources && change > 0) out.push(`      riders from: ${sourcesText(l.sources)}`);
    }
  }
  return out.join('\n');
}

function lineText(names: ReadonlyMap<string, string>, l: LineReport, side: 'baseline' | 'scenario'): string {
  const f = l[side];
  if (!f) return `${nameIn(l.name, 'zh')} (${l.line}): not running`;
  const name = (id: string) => names.get(id) ?? id;
  const section = f.maxSection
    ? `, busiest ${name(f.maxSection.from)} → ${name(f.maxSection.to)} ${num(f.maxSection.riders)}`
    : '';
  return `${nameIn(l.name, 'zh')} (${l.line}): ${num(f.boardings)} boardings, ${num(f.passengerKm)} passenger-km${section}`;
}

function signed(x: number | null | undefined, digits = 2): string {
  if (x === null || x === undefined) return '–';
  const s = x.toFixed(digits);
  return x > 0 ? `+${s}` : s;
}
