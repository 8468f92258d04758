import type { LonLat } from './geo';
import type { LayerId } from './layer';
import type { LocalizedName } from './names';
import type { Seconds } from './units';

export interface ProcessingOverride {
  entrySeconds?: Seconds;
  exitSeconds?: Seconds;
}

/**
 * A station: one physical place where riders enter, leave and change between the lines that stop there.
 * Its layer sets the station processing (a suburban train calling at a trunk station is boarded through
 * that station's security).
 */
export interface Station {
  id: string;
  name: LocalizedName;
  coord: LonLat;
  layer: LayerId;
  processing?: ProcessingOverride;
  /** Where the position and name came from, e.g. "OSM node 123". */
  source?: string;
  /**
   * Created by a scenario (not in the network file). The area-wide bus's reach is measured on the network's
   * own stations, so a new station adds ways to reach rail and takes none away (DESIGN.md §2 invariant 2).
   */
  added?: true;
}

/** Stations between which riders change without going through a zone, e.g. a rail station and its metro. */
export interface Hub {
  id: string;
  name: LocalizedName;
  stations: string[];
}
