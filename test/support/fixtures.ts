import { applyScenario } from '../../src/domain/applyScenario';
import type { AssumptionsInput } from '../../src/domain/assumptions';
import type { LonLat } from '../../src/domain/geo';
import type { LayerId } from '../../src/domain/layer';
import type { Line, ServicePattern } from '../../src/domain/line';
import { NETWORK_FORMAT, type Network } from '../../src/domain/network';
import { type Modification, SCENARIO_FORMAT, type Scenario } from '../../src/domain/scenario';
import type { Hub, Station } from '../../src/domain/station';
import type { TransferRule } from '../../src/domain/transfer';
import type { Zone } from '../../src/domain/zone';

/** Metres per degree of longitude on the equator (earth radius 6,371,008.8 m, as turf). */
export const M_PER_DEG = (2 * Math.PI * 6371008.8) / 360;

/** A point `x` metres east and `y` metres north of (0°, 0°): distances along one axis come out exact to the metre. */
export function at(x: number, y = 0): LonLat {
  return [x / M_PER_DEG, y / M_PER_DEG];
}

/**
 * Assumptions that make hand computation easy: walking at 1 m/s with no detour (so a walk of d metres takes
 * d seconds), the same access reach for every layer, weights as in DESIGN.md §2. No bike and no bus unless
 * `extra.surface` turns them on (the rail fixtures are worked out for walking only).
 */
export function handAssumptions(extra: AssumptionsInput = {}): AssumptionsInput {
  const access = { accessMaxMeters: 1000 };
  return {
    walkSpeedKmh: 3.6,
    walkDetour: 1,
    directWalkMaxMeters: 1000,
    ...extra,
    surface: { bike: null, bus: null, ...extra.surface },
    layers: {
      trunk: { ...access, ...extra.layers?.trunk },
      intercity: { ...access, ...extra.layers?.intercity },
      suburban: { ...access, ...extra.layers?.suburban },
      metro: { ...access, ...extra.layers?.metro },
    },
  };
}

export function zone(id: string, coord: LonLat, population = 1000, jobs = 1000): Zone {
  return { id, centroid: coord, population, jobs };
}

export function station(id: string, coord: LonLat, layer: LayerId = 'metro'): Station {
  return { id, name: { en: id }, coord, layer };
}

/** A pattern with explicit runs; dwells default to 0 at the ends and `dwell` between. */
export function pattern(
  id: string,
  direction: 0 | 1,
  stops: string[],
  runSeconds: number[],
  headway: number | Record<string, number>,
  dwell = 0,
): ServicePattern {
  return {
    id,
    direction,
    stops,
    runSeconds,
    dwellSeconds: stops.map((_, k) => (k === 0 || k === stops.length - 1 ? 0 : dwell)),
    headways: typeof headway === 'number' ? { 'am-peak': headway } : headway,
  };
}

/** A line running `stops` both ways with the same runs, headway and dwell. */
export function line(
  id: string,
  layer: LayerId,
  stops: string[],
  runSeconds: number[],
  headway: number,
  dwell = 0,
): Line {
  return {
    id,
    name: { en: id },
    layer,
    color: '#336699',
    patterns: [
      pattern('all', 0, stops, runSeconds, headway, dwell),
      pattern('all', 1, [...stops].reverse(), [...runSeconds].reverse(), headway, dwell),
    ],
  };
}

export function network(parts: {
  id?: string;
  zones: Zone[];
  stations: Station[];
  lines: Line[];
  hubs?: Hub[];
  transfers?: TransferRule[];
  assumptions?: AssumptionsInput;
  core?: string[];
}): Network {
  return {
    format: NETWORK_FORMAT,
    id: parts.id ?? 'fixture',
    name: { en: parts.id ?? 'fixture' },
    attribution: [{ text: 'hand-made test fixture' }],
    periods: [{ id: 'am-peak', name: { en: 'AM peak' }, start: '07:00', end: '09:00' }],
    assumptions: parts.assumptions ?? handAssumptions(),
    stations: parts.stations,
    hubs: parts.hubs ?? [],
    lines: parts.lines,
    transfers: parts.transfers ?? [],
    zones: parts.zones,
    core: parts.core ? [{ id: 'core', name: { en: 'core' }, zones: parts.core }] : [],
  };
}

/** A scenario of `modifications` for the fixture network (or `networkId`). */
export function scenario(modifications: Modification[], networkId = 'fixture'): Scenario {
  return {
    format: SCENARIO_FORMAT,
    id: 'test',
    name: 'test',
    description: '',
    network: networkId,
    modifications,
  };
}

/** The network a scenario makes of `base`; fails the test with every issue when it does not apply. */
export function applied(base: Network, ...modifications: Modification[]): Network {
  const result = applyScenario(base, scenario(modifications, base.id));
  if (!result.ok)
    throw new Error(
      `scenario does not apply:\n${result.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`,
    );
  return result.network;
}
