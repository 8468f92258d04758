import { type Remote, releaseProxy, transfer, wrap } from 'comlink';
import type { Network } from '../domain/network';
import type { Scenario } from '../domain/scenario';
import { type Analysis, sidesOf } from './analysis';
import { matrixAttributes, matrixLayout, matrixSink } from './matrices';
import type { OmxWorkerApi } from './omx.worker';
import type { Progress } from './pool';

export interface OmxExportRequest {
  network: Network;
  networkKey: string;
  scenario: Scenario | null;
  /** The before side (scenario A vs B); null or absent: the baseline. */
  before?: Scenario | null;
  period: string;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/**
 * The run's matrices as an OMX file, in the browser: the routing workers compute the rows again (the
 * same numbers: the engine is deterministic) and each block goes on to the OMX worker as it comes, so the
 * page holds a few blocks at most; the file itself is built in the OMX worker's memory (compressed).
 */
export async function exportOmx(analysis: Analysis, request: OmxExportRequest): Promise<Blob> {
  const worker = new Worker(new URL('./omx.worker.ts', import.meta.url), { type: 'module', name: 'omx' });
  const api: Remote<OmxWorkerApi> = wrap<OmxWorkerApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error(`the OMX writer failed: ${e.message || 'unknown error'}`)),
    );
  });
  const guard = <T>(p: Promise<T>) => Promise.race([p, failed]);
  try {
    const zones = request.network.zones.map((z) => z.id);
    await guard(
      api.create(
        matrixLayout(zones, sidesOf(request.scenario, request.before ?? null), matrixAttributes(request)),
      ),
    );
    const { signal, onProgress, ...run } = request;
    await analysis.compare({
      ...run,
      ...(signal && { signal }),
      ...(onProgress && { onProgress }),
      sink: matrixSink((name, origins, rows) =>
        guard(api.write(name, origins, transfer(rows, [rows.buffer]))),
      ),
    });
    const bytes = await guard(api.finish());
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/x-hdf5' });
  } finally {
    api[releaseProxy]();
    worker.terminate();
  }
}
