import { DemandAnalysis } from '../../workers/demandAnalysis';
import { engine } from './engine';

/** The page's demand model, over the same analysis and pool as everything else (started on first use). */
let demand: DemandAnalysis | undefined;

export function demandEngine(): DemandAnalysis {
  demand ??= new DemandAnalysis(engine(), { keepBaseline: true });
  return demand;
}
