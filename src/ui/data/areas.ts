import { computed, signal } from '@preact/signals';
import type { Boundaries } from '../../io/boundaries';
import { type AreaUnit, areaUnits } from '../../metrics/districts';
import { network } from '../state/store';

/** The current network's boundaries file (districts, subdistricts), when it has one. */
export const boundaries = signal<Boundaries | null>(null);

/** The districts (as the zones carry them) and subdistricts results are broken down by. */
export const areas = computed<AreaUnit[]>(() => {
  const n = network.value?.network;
  const b = boundaries.value;
  return n ? areaUnits(n.zones, b && b.network === n.id ? b : undefined) : [];
});
