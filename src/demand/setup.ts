import { resolveAssumptions } from '../domain/assumptions';
import { carParams, type DemandAssumptions, type LogitParams, logitParams } from '../domain/demand';
import { type Network, regionZones } from '../domain/network';
import { type CarTable, carTable } from './car';
import { DemandError } from './errors';
import type { GravityInput } from './gravity';
import type { BetaChoice } from './model';
import { type Producers, producers } from './producers';
import { type TallyLayout, tallyLayout } from './tally';

/** Everything the demand model needs from a network for one period, derived once. */
export interface DemandSetup {
  assumptions: DemandAssumptions;
  producers: Producers;
  gravity: GravityInput;
  logit: LogitParams;
  /** Districts in first-seen zone order; regions in the network's order (`regionIds`). */
  layout: TallyLayout & { districts: string[] };
  regionIds: string[];
  /** Calibrate to the network's target, or its fixed β. */
  beta: BetaChoice;
  /** The car in this period (its rows take zone geometry from the graph: see workers/modeRows.ts). */
  car: CarTable;
}

/**
 * The demand inputs of a network: workers and jobs (DemandError `no-workers`, `no-jobs`), the calibration
 * population (`no-calibration-population` when the region is unknown or has no zones), the logit, the car
 * of `period`, the districts and regions figures are reported for.
 */
export function demandSetup(network: Network, period: string): DemandSetup {
  const assumptions = resolveAssumptions(network.assumptions).demand;
  const zones = network.zones;
  const regions = network.regions ?? [];
  const inflow = (assumptions.netInflow ?? []).map((x) => {
    const region = regions.find((r) => r.id === x.region);
    if (!region)
      throw new DemandError(
        'net-inflow',
        `the net inflow's region "${x.region}" is not one of the network's regions (${regions.map((r) => r.id).join(', ') || 'none'})`,
      );
    return { region: x.region, zones: regionZones(network, region), commuters: x.commuters };
  });
  const p = producers(zones, assumptions.employmentRate, inflow);
  return {
    assumptions,
    producers: p,
    gravity: {
      zoneCount: zones.length,
      workers: p.workers,
      attractors: p.attractors,
      ids: zones.map((z) => z.id),
    },
    logit: logitParams(assumptions),
    layout: tallyLayout(
      zones.map((z) => z.district),
      regions,
    ),
    regionIds: regions.map((r) => r.id),
    beta: betaChoice(network, assumptions),
    car: carTable(carParams(assumptions.car, period)),
  };
}

function betaChoice(network: Network, d: DemandAssumptions): BetaChoice {
  const c = d.calibration;
  if (!c) return { betaPerSecond: d.betaPerMinute / 60 };
  const region = network.regions?.find((r) => r.id === c.region);
  if (!region)
    throw new DemandError(
      'no-calibration-population',
      `the calibration region "${c.region}" is not one of the network's regions (${(network.regions ?? []).map((r) => r.id).join(', ') || 'none'})`,
    );
  const origins = regionZones(network, region);
  if (origins.length === 0)
    throw new DemandError('no-calibration-population', `the calibration region "${c.region}" has no zones`);
  return { calibrate: { origins, targetSeconds: c.targetMinutes * 60 } };
}
