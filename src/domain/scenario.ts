import type { LonLat } from './geo';
import type { LayerId } from './layer';
import type { Direction, Headways } from './line';
import type { LocalizedName } from './names';
import type { TransferPlace, TransferSide } from './transfer';
import type { Meters, Seconds } from './units';

export const SCENARIO_FORMAT = 'commuteshed.scenario/1';

/** A station a modification creates. */
export interface NewStation {
  id: string;
  name: LocalizedName;
  coord: LonLat;
  /** Defaults to the layer of the line that creates it. */
  layer?: LayerId;
}

/** An existing station by id, or a new one. */
export type StopRef = string | NewStation;

interface ModificationBase {
  /** Stable id for editors; optional in files. */
  id?: string;
  /** A disabled modification is kept in the file but not applied. */
  enabled?: boolean;
  note?: string;
}

/** Run times either explicit or from station positions and a running speed. */
interface RunTimeSpec {
  speedKmh?: number;
  runSeconds?: Seconds[];
  /** Dwell at each intermediate stop; defaults to the layer's. */
  dwellSeconds?: Seconds;
}

export interface AddLine extends ModificationBase, RunTimeSpec {
  type: 'add-line';
  line: { id: string; name: LocalizedName; layer: LayerId; color: string };
  stops: StopRef[];
  headways: Headways;
  /** Trains run both ways (default true). */
  bidirectional?: boolean;
}

export interface ExtendLine extends ModificationBase, RunTimeSpec {
  type: 'extend-line';
  line: string;
  /** Which terminus of the line's direction-0 route is extended. */
  end: 'first' | 'last';
  /** New stops, outward from the terminus. */
  stops: StopRef[];
}

export interface SetHeadway extends ModificationBase {
  type: 'set-headway';
  line: string;
  /** Pattern ids; default every pattern of the line. */
  patterns?: string[];
  headways: Headways;
}

export interface AdjustSpeed extends ModificationBase {
  type: 'adjust-speed';
  line: string;
  /** Segment ends (either order); default the whole line. */
  from?: string;
  to?: string;
  /** Run times are divided by this: 1.25 is 25 % faster. Dwells are unchanged. */
  speedFactor: number;
}

export interface AddPattern extends ModificationBase {
  type: 'add-pattern';
  line: string;
  pattern: {
    id: string;
    /** Stops in direction-0 order, a subsequence of an existing pattern; run times follow from it. */
    stops: string[];
    headways: Headways;
    /** Default: both directions. */
    direction?: Direction;
  };
}

export interface ThroughRun extends ModificationBase {
  type: 'through-run';
  /** The two lines meet at `station`, a terminus of both. */
  from: string;
  to: string;
  station: string;
  /** Headway of the through trains; default the less frequent line's at the junction. */
  headways?: Headways;
}

export interface SetTransfer extends ModificationBase {
  type: 'set-transfer';
  at: TransferPlace;
  from?: TransferSide;
  to?: TransferSide;
  walkSeconds?: Seconds;
  processingSeconds?: Seconds;
}

export interface SetProcessing extends ModificationBase {
  type: 'set-processing';
  /** Exactly one of layer, stations, hub. */
  layer?: LayerId;
  stations?: string[];
  hub?: string;
  entrySeconds?: Seconds;
  exitSeconds?: Seconds;
}

export interface RemoveLine extends ModificationBase {
  type: 'remove-line';
  line: string;
}

export interface CloseStation extends ModificationBase {
  type: 'close-station';
  station: string;
}

/** A feeder bus to a station (DESIGN.md §2.1): zones within the radius get a bus leg to and from it. */
export interface AddFeeder extends ModificationBase {
  type: 'add-feeder';
  station: string;
  radiusMeters: Meters;
  headways: Headways;
  speedKmh: number;
  name?: LocalizedName;
}

export type Modification =
  | AddLine
  | ExtendLine
  | SetHeadway
  | AdjustSpeed
  | AddPattern
  | ThroughRun
  | SetTransfer
  | SetProcessing
  | RemoveLine
  | CloseStation
  | AddFeeder;

export type ModificationType = Modification['type'];

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  id: string;
  name: string;
  description: string;
  /** Id of the base network. */
  network: string;
  modifications: Modification[];
}

/** The empty scenario: the baseline is this, applied. */
export function baselineScenario(networkId: string): Scenario {
  return {
    format: SCENARIO_FORMAT,
    id: 'baseline',
    name: 'Baseline',
    description: 'The network as it is.',
    network: networkId,
    modifications: [],
  };
}
