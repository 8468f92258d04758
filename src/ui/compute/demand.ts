import { DemandAnalysis } from '../../workers/demandAnalysis';
import { engine } from './engine';

/** The page's demand model, over the same analysis and pool as everything else (started on first use). */
let demand: DemandAnalysis | undefined;

export function demandEngine(): DemandAnalysis {
  demand ??= new DemandAnalysis(engine(), { keepBaseline: true });
  return demand;
}

/** The workers let go of what they keep between demand runs (nothing when demand never ran); the bytes. */
export function releaseDemandMemory(): Promise<number> {
  return demand ? demand.releaseMemory() : Promise.resolve(0);
}
