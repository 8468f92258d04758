import type { LayerId } from './layer';
import type { Direction } from './line';
import type { Seconds } from './units';

/** Which side of a change a rule applies to: one line (optionally one direction) or every line of a layer. */
export type TransferSide = { line: string; direction?: Direction } | { layer: LayerId };

/** Where a rule applies: changes within one station, between two given stations, or anywhere in a hub. */
export type TransferPlace = { station: string } | { stations: [from: string, to: string] } | { hub: string };

/**
 * A transfer time that overrides the defaults. The most specific matching rule sets each of walk and
 * processing (place: station pair > station > hub; side: line+direction > line > layer > any); among equally
 * specific rules the later wins, so scenario rules override the network's.
 */
export interface TransferRule {
  at: TransferPlace;
  from?: TransferSide;
  to?: TransferSide;
  walkSeconds?: Seconds;
  /** Station processing during the change; default: none inside one station or one layer's paid area,
   *  otherwise exit from the first station plus entry into the second. */
  processingSeconds?: Seconds;
}
