import { z } from 'zod';
import { isLayerId, LAYERS, type LayerId } from '../../domain/layer';
import type { Attribution, Period } from '../../domain/network';
import { clockToSeconds } from '../../domain/units';
import type { ZoneAttributeSource } from '../../domain/zone';
import { metresIn } from '../schema/common';
import { validate } from '../zodIssues';
import { ServiceCalendar } from './calendar';
import type { IssueLog } from './issues';
import type { RouteTypeMapping } from './modes';
import type { PeriodWindow } from './patterns';

export interface ImportOptions {
  /** The feed's name in messages and the attribution, e.g. the zip's file name. */
  feedName?: string;
  /** Network id and name; default from the feed's name and its publisher or agencies. */
  id?: string;
  name?: string;
  /** Language of the feed's names; default from feed_lang / agency_lang (zh… → zh, else en). */
  language?: 'zh' | 'en';
  /** Service day "YYYYMMDD" or "YYYY-MM-DD"; default the busiest Tuesday–Thursday. */
  date?: string;
  /** Analysis periods of the service day; default am-peak 07:00–09:00 and off-peak 10:00–16:00. */
  periods?: Period[];
  /** route_type → layer (null: not carried), over the default mapping. */
  routeTypes?: Partial<RouteTypeMapping>;
  /**
   * Keep bus, trolleybus and coach routes as lines of the `bus` layer (default: leave them to the area-wide
   * bus of the surface modes). A route_type or route mapping still wins.
   */
  keepBuses?: boolean;
  /** route_id → layer (null: not carried), over everything else. */
  routes?: Record<string, LayerId | null>;
  /** Zones as a GeoJSON FeatureCollection with population and jobs; default a hexagonal grid. */
  zones?: { file: string; text: string };
  /** Where the GeoJSON's population and jobs come from; default the file, not estimates. */
  zoneAttributes?: { population: ZoneAttributeSource; jobs: ZoneAttributeSource };
  /** Hexagonal grid: distance between cell centres (default 1 km, widened to at most `maxZones` cells). */
  hexSpacingMeters?: number;
  maxZones?: number;
  /**
   * Group stations of the same name within this many metres into hubs, for feeds that model each line's
   * part of an interchange as its own parent station without transfers.txt links. Off by default: the
   * import then warns where it sees such stations.
   */
  sameNameHubMeters?: number;
  /** Import what can be read even when rows have errors (they are dropped and reported). Default false. */
  lenient?: boolean;
  /** Added to the attribution, e.g. the feed's licence. */
  attribution?: Attribution[];
  /** 0..1 as the import proceeds, with the stage. */
  onProgress?: (fraction: number, stage: string) => void;
  /** Aborting rejects the import's promise with an error named `AbortError`. */
  signal?: AbortSignal;
}

/** The numbers an import can be given, with their physical domains (io/schema/common.ts). */
const numericOptions = z.strictObject({
  // Zones 100 m across are finer than any census; 50 km across are not zones of a city.
  hexSpacingMeters: metresIn(100, 50_000, 'Distance between hexagonal zone centres').optional(),
  // Beyond 100,000 zones the matrix (10^10 cells) is not something a browser computes.
  maxZones: z.int().min(1).max(100_000).optional(),
  // One interchange's stations lie within a few hundred metres; 5 km joins different places.
  sameNameHubMeters: metresIn(
    1,
    5_000,
    'Greatest distance between same-named stations of one hub',
  ).optional(),
});

export const DEFAULT_PERIODS: Period[] = [
  { id: 'am-peak', name: { en: 'AM peak', zh: '早高峰' }, start: '07:00', end: '09:00' },
  { id: 'off-peak', name: { en: 'Off-peak', zh: '平峰' }, start: '10:00', end: '16:00' },
];

/**
 * The caller's options, checked before the feed is read (all problems at once, paths `options.…`): what
 * the network file would reject later, and values that make no sense. Returns the periods in seconds.
 */
export function checkOptions(
  options: ImportOptions,
  periods: readonly Period[],
  log: IssueLog,
): PeriodWindow[] {
  const numbers = validate(numericOptions, {
    hexSpacingMeters: options.hexSpacingMeters,
    maxZones: options.maxZones,
    sameNameHubMeters: options.sameNameHubMeters,
  });
  if (!numbers.success) for (const i of numbers.issues) log.error(`options${i.path.slice(1)}`, i.message);
  const windows: PeriodWindow[] = [];
  const ids = new Set<string>();
  periods.forEach((p, k) => {
    if (typeof p.id !== 'string' || p.id === '' || ids.has(p.id))
      log.error(`options.periods[${k}].id`, 'needs a unique, non-empty id');
    ids.add(p.id);
    if (!p.name || (!p.name.en && !p.name.zh))
      log.error(`options.periods[${k}].name`, 'give a zh or an en name (or both)');
    const start = clockToSeconds(p.start);
    const end = clockToSeconds(p.end);
    if (!(start < end))
      log.error(`options.periods[${k}]`, `period "${p.id}" must run from an earlier "HH:MM" to a later one`);
    else windows.push({ id: p.id, start, end });
  });
  if (!periods.some((p) => p.id === 'am-peak'))
    log.error('options.periods', 'needs the period "am-peak", the one every analysis has');
  for (const [which, mapping] of [
    ['routeTypes', options.routeTypes],
    ['routes', options.routes],
  ] as const) {
    for (const [key, layer] of Object.entries(mapping ?? {})) {
      if (layer !== null && !isLayerId(layer)) {
        log.error(
          `options.${which}[${JSON.stringify(key)}]`,
          `"${String(layer)}" is not a layer (${LAYERS.join(', ')}) or null`,
        );
      }
    }
  }
  if (options.date !== undefined && Number.isNaN(ServiceCalendar.parseDay(options.date))) {
    log.error('options.date', `expected a date YYYYMMDD or YYYY-MM-DD, got "${options.date}"`);
  }
  return windows;
}
