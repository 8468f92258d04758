import { Analysis } from '../../workers/analysis';
import { browserWorkerCount, browserWorkerFactory } from '../../workers/browserWorkers';
import { RoutingPool } from '../../workers/pool';

/** The page's routing pool and analysis, started on first use (the UI reaches computation only here). */
let analysis: Analysis | undefined;

export function engine(): Analysis {
  analysis ??= new Analysis(new RoutingPool(browserWorkerFactory(), browserWorkerCount()));
  return analysis;
}
