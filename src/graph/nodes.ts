import type { Direction } from '../domain/line';

/**
 * Node keys of the graphology graph. Zones appear twice: as an origin (out-edges only) and as a
 * destination (in-edges only), so no path can pass through a zone.
 */
export const nodeKey = {
  origin: (zone: string) => `o:${zone}`,
  destination: (zone: string) => `d:${zone}`,
  /** Inside station s, past entry processing. */
  entered: (station: string) => `in:${station}`,
  /** Leaving station s, past exit processing. */
  exited: (station: string) => `out:${station}`,
  /** On the platform of line-direction at s, about to board. */
  platform: (station: string, label: string) => `P:${station}|${label}`,
  /** Just off a train of line-direction at s. */
  alighted: (station: string, label: string) => `A:${station}|${label}`,
};

/** A line as riders see it in one direction: what they wait for on a platform. */
export function lineLabel(line: string, direction: Direction): string {
  return `${line}#${direction}`;
}

export type NodeKind = 'origin' | 'destination' | 'entered' | 'exited' | 'platform' | 'alighted' | 'on-board';

export interface NodeAttributes {
  kind: NodeKind;
  /** Zone id (origin, destination) or station id (others). */
  ref: string;
  line?: string;
  direction?: Direction;
}
