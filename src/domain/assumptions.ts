import { DEFAULT_DEMAND, type DemandAssumptions, type DemandInput, resolveDemand } from './demand';
import { LAYER_PAIRS, LAYERS, type LayerId, type LayerPairKey } from './layer';
import type { SurfaceInput } from './surface';
import type { Seconds } from './units';

/** Network assumptions of DESIGN.md §2, per layer where the layers differ. */
export interface LayerAssumptions {
  /** Security, ticket check and the margin kept before departure, on entering a station of this layer. */
  entrySeconds: Seconds;
  /** Leaving the station: platform to street. */
  exitSeconds: Seconds;
  /** Cap on the expected wait: riders time their arrival for infrequent services. */
  maxWaitSeconds: Seconds;
  /** Stations of this layer are walked to from zone centroids within this great-circle distance. */
  accessMaxMeters: number;
  /** Dwell at each intermediate stop for new lines and patterns without explicit dwells. */
  dwellSeconds: Seconds;
  /** Time a train loses by stopping (braking and accelerating), saved when it passes a stop. */
  stopLossSeconds: Seconds;
  /** Track length ÷ great-circle length, for run times computed from station positions. */
  routeFactor: number;
}

export interface PerceivedWeights {
  walk: number;
  wait: number;
  inVehicle: number;
  processing: number;
  transferWalk: number;
  /** Riding a bike, unlocking and parking it (effort and weather as walking: the same weight by default). */
  bike: number;
  /** In a bus: slower and less reliable than rail, so weighed more. */
  bus: number;
}

export interface MetricAssumptions {
  /** Cumulative-opportunity thresholds, minutes. */
  accessibilityMinutes: number[];
  /** The commute circle: zones whose time to the core is at most this. */
  commuteCircleMinutes: number;
  /** Unreachable or longer trips count as this long in mean times, minutes. */
  timeCapMinutes: number;
}

export interface Assumptions {
  walkSpeedKmh: number;
  walkDetour: number;
  /** Zone-to-zone walking is offered up to this great-circle distance. */
  directWalkMaxMeters: number;
  weights: PerceivedWeights;
  /** Perceived only; added for each boarding after the first. */
  boardingPenaltySeconds: Seconds;
  layers: Record<LayerId, LayerAssumptions>;
  /** Default walk for a change, per unordered layer pair of the two lines. */
  transferWalkSeconds: Record<LayerPairKey, Seconds>;
  /** Bike and the area-wide bus by zone class and period (DESIGN.md §2.1); resolve with surfaceParams. */
  surface: SurfaceInput;
  metrics: MetricAssumptions;
  /** Workers, distribution, mode choice and the car (DESIGN.md §3.1); defaults in domain/demand.ts. */
  demand: DemandAssumptions;
}

/** Partial assumptions as a network file states them; everything missing takes the default. */
export interface AssumptionsInput {
  walkSpeedKmh?: number;
  walkDetour?: number;
  directWalkMaxMeters?: number;
  weights?: Partial<PerceivedWeights>;
  boardingPenaltySeconds?: Seconds;
  layers?: Partial<Record<LayerId, Partial<LayerAssumptions>>>;
  transferWalkSeconds?: Partial<Record<LayerPairKey, Seconds>>;
  surface?: SurfaceInput;
  metrics?: Partial<MetricAssumptions>;
  demand?: DemandInput;
}

export const DEFAULT_ASSUMPTIONS: Assumptions = {
  walkSpeedKmh: 4.5,
  walkDetour: 1.3,
  directWalkMaxMeters: 3000,
  weights: { walk: 2, wait: 2, inVehicle: 1, processing: 1.5, transferWalk: 2, bike: 2, bus: 1.25 },
  boardingPenaltySeconds: 300,
  layers: {
    trunk: {
      entrySeconds: 900,
      exitSeconds: 300,
      maxWaitSeconds: 600,
      accessMaxMeters: 3000,
      dwellSeconds: 120,
      stopLossSeconds: 180,
      routeFactor: 1.15,
    },
    intercity: {
      entrySeconds: 900,
      exitSeconds: 300,
      maxWaitSeconds: 600,
      accessMaxMeters: 3000,
      dwellSeconds: 120,
      stopLossSeconds: 150,
      routeFactor: 1.15,
    },
    suburban: {
      entrySeconds: 300,
      exitSeconds: 180,
      maxWaitSeconds: 600,
      accessMaxMeters: 3000,
      dwellSeconds: 60,
      stopLossSeconds: 90,
      routeFactor: 1.15,
    },
    // Bus routes kept from a feed: boarded at the stop (no processing), walked to within 800 m, stopping
    // often on roads (assumptions; the area-wide bus of assumptions.surface is the fallback everywhere).
    bus: {
      entrySeconds: 0,
      exitSeconds: 0,
      maxWaitSeconds: 600,
      accessMaxMeters: 800,
      dwellSeconds: 20,
      stopLossSeconds: 30,
      routeFactor: 1.3,
    },
    metro: {
      entrySeconds: 120,
      exitSeconds: 60,
      maxWaitSeconds: 600,
      accessMaxMeters: 1500,
      dwellSeconds: 30,
      stopLossSeconds: 40,
      routeFactor: 1.2,
    },
  },
  // Metro–metro 3 min, metro–rail 6, rail–rail 5; a bus stop is by the station (88 % of Beijing's bus–metro
  // transfer stops within 50 m): bus–bus 2 min, bus–anything else 3.
  transferWalkSeconds: Object.fromEntries(
    LAYER_PAIRS.map((pair) => [
      pair,
      pair === 'bus-bus'
        ? 120
        : pair.includes('bus')
          ? 180
          : pair === 'metro-metro'
            ? 180
            : pair.includes('metro')
              ? 360
              : 300,
    ]),
  ) as Record<LayerPairKey, Seconds>,
  surface: {},
  metrics: { accessibilityMinutes: [30, 45, 60, 90], commuteCircleMinutes: 60, timeCapMinutes: 180 },
  demand: DEFAULT_DEMAND,
};

/** Fill a network's stated assumptions with the defaults; the result is a new object. */
export function resolveAssumptions(input: AssumptionsInput | undefined): Assumptions {
  const d = DEFAULT_ASSUMPTIONS;
  const i = input ?? {};
  const layers = Object.fromEntries(
    LAYERS.map((layer) => [layer, { ...d.layers[layer], ...i.layers?.[layer] }]),
  ) as Record<LayerId, LayerAssumptions>;
  return {
    walkSpeedKmh: i.walkSpeedKmh ?? d.walkSpeedKmh,
    walkDetour: i.walkDetour ?? d.walkDetour,
    directWalkMaxMeters: i.directWalkMaxMeters ?? d.directWalkMaxMeters,
    weights: { ...d.weights, ...i.weights },
    boardingPenaltySeconds: i.boardingPenaltySeconds ?? d.boardingPenaltySeconds,
    layers,
    transferWalkSeconds: { ...d.transferWalkSeconds, ...i.transferWalkSeconds },
    surface: structuredClone(i.surface ?? d.surface),
    metrics: {
      ...d.metrics,
      ...i.metrics,
      accessibilityMinutes: [...(i.metrics?.accessibilityMinutes ?? d.metrics.accessibilityMinutes)],
    },
    demand: resolveDemand(i.demand),
  };
}
