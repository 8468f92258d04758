/**
 * GTFS import: a feed (zip or files) → a commuteshed network and a report of what was imported, dropped
 * and why. The app calls `importGtfs` in a worker and shows `formatReport` or the report's fields.
 */
export { GtfsAbortError, GtfsError } from './errors';
export { type ImportResult, importGtfs } from './import';
export { gtfsInputFromFiles, unwrapImport } from './input';
export { LAYER_COLORS } from './lines';
export { defaultLayer, describeRouteType, type RouteTypeMapping } from './modes';
export { DEFAULT_PERIODS, type ImportOptions } from './options';
export {
  type DroppedRoute,
  type FileReport,
  formatReport,
  type ImportedRoute,
  type ImportReport,
} from './report';
export type { GtfsInput } from './source';
