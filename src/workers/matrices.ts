import { DEMAND_MODES, type DemandMode } from '../domain/demand';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { ENGINE_VERSION } from '../engine/version';
import type { OmxAttributes, OmxLayout } from '../io/omx/format';
import { type RowSink, type Side, scenarioKey } from './analysis';
import type { RowArrays, RowField } from './protocol';

export interface MatrixField {
  field: RowField;
  units: string;
  description: string;
}

/**
 * The matrices an export holds, per side (baseline, scenario): one entry each, named `<side>_<field>`.
 * Float32 as the workers return them (RowField says what is exact). The parts of a trip (walk, wait, ride,
 * transfer, processing, boardings) are one entry each here once the engine returns them per destination.
 */
export const MATRIX_FIELDS: readonly MatrixField[] = [
  {
    field: 'time',
    units: 'seconds',
    description: 'door-to-door travel time, physical; +Infinity where there is no path',
  },
  {
    field: 'cost',
    units: 'generalized seconds',
    description:
      'perceived cost the routes minimise (weighted walk, wait, ride, transfer and processing, boarding penalties after the first); +Infinity where there is no path',
  },
];

export const matrixName = (side: Side, m: MatrixField) => `${side}_${m.field}`;

/** The demand model's OD matrices (DESIGN.md §3.1): morning commute trips by the mode taken, per side. */
export const demandMatrixName = (side: Side, mode: DemandMode) => `${side}_trips_${mode}`;

/**
 * The OMX layout of these sides' matrices over `zones` (ids, in zone order); with `demand`, each side's
 * trips by mode too.
 */
export function matrixLayout(
  zones: readonly string[],
  sides: readonly Side[],
  attributes: OmxAttributes,
  demand = false,
): OmxLayout {
  return {
    zones,
    attributes,
    matrices: sides.flatMap((side) => [
      ...MATRIX_FIELDS.map((m) => ({
        name: matrixName(side, m),
        attributes: { side, units: m.units, description: m.description },
      })),
      ...(demand
        ? DEMAND_MODES.map((mode) => ({
            name: demandMatrixName(side, mode),
            attributes: {
              side,
              units: 'trips',
              description: `morning commute trips from each zone to each zone by ${mode} (demand model: an estimate)`,
            },
          }))
        : []),
    ]),
  };
}

/**
 * What the matrices are of, as root attributes: the inputs (by checksum), the two scenarios compared
 * (the before side's only when it is not the baseline), the period, the engine.
 */
export function matrixAttributes(input: {
  network: Network;
  networkKey: string;
  scenario: Scenario | null;
  before?: Scenario | null;
  period: string;
}): OmxAttributes {
  return {
    generator: `commuteshed ${ENGINE_VERSION}`,
    network: input.network.id,
    networkChecksum: input.networkKey,
    ...(input.before && { before: input.before.id, beforeKey: scenarioKey(input.before) }),
    ...(input.scenario && { scenario: input.scenario.id, scenarioKey: scenarioKey(input.scenario) }),
    period: input.period,
  };
}

/** A row sink handing each side's rows to `write` under their matrix names (one call per matrix and block). */
export function matrixSink(
  write: (matrix: string, origins: Int32Array, rows: Float32Array) => void | Promise<void>,
): RowSink {
  return {
    fields: MATRIX_FIELDS.map((m) => m.field),
    async write(side: Side, origins: Int32Array, rows: RowArrays) {
      for (const m of MATRIX_FIELDS) await write(matrixName(side, m), origins, rows[m.field]!);
    },
  };
}
