import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import type { OmxAttributes } from '../io/omx/format';
import { type RowSink, sidesOf } from '../workers/analysis';
import type { DemandSink } from '../workers/demandAnalysis';
import { demandMatrixName, matrixAttributes, matrixLayout, matrixSink } from '../workers/matrices';
import { createOmxFile, type OmxOutput } from './output';

export interface MatrixRun {
  network: Network;
  networkKey: string;
  scenario: Scenario | null;
  /** The before side (scenario A vs B); null or absent: the baseline. */
  before?: Scenario | null;
  period: string;
}

/**
 * The OMX file of a run's matrices (MATRIX_FIELDS for each side it computes), and the row sink that streams
 * rows into it as the workers compute them. Committed into place, or discarded, by the caller.
 */
export async function openMatrixOutput(
  file: string,
  run: MatrixRun,
  attributes: OmxAttributes = {},
  demand = false,
): Promise<OmxOutput & { sink: RowSink; demandSink: DemandSink; matrices: string[] }> {
  const layout = matrixLayout(
    run.network.zones.map((z) => z.id),
    sidesOf(run.scenario, run.before ?? null),
    { ...matrixAttributes(run), ...attributes },
    demand,
  );
  const output = await createOmxFile(file, layout);
  return {
    ...output,
    sink: matrixSink((name, origins, rows) => output.writer.writeRows(name, origins, rows)),
    demandSink: {
      write: (side, mode, origins, rows) =>
        output.writer.writeRows(demandMatrixName(side, mode), origins, rows),
    },
    matrices: layout.matrices.map((m) => m.name),
  };
}
