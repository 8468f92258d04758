/**
 * The four networks of 四网融合, from the fastest and most processed to the most frequent, and bus routes
 * where a network keeps real ones (a GTFS feed's; DESIGN.md §2.1: the area-wide bus stays the fallback).
 */
export const LAYERS = ['trunk', 'intercity', 'suburban', 'metro', 'bus'] as const;
/** The four rail networks. */
export const RAIL_LAYERS = ['trunk', 'intercity', 'suburban', 'metro'] as const;
export type LayerId = (typeof LAYERS)[number];

export const LAYER_NAMES: Record<LayerId, { zh: string; en: string }> = {
  trunk: { zh: '干线铁路', en: 'Trunk railway' },
  intercity: { zh: '城际铁路', en: 'Intercity railway' },
  suburban: { zh: '市域(郊)铁路', en: 'Suburban railway' },
  metro: { zh: '城市轨道交通', en: 'Urban metro' },
  bus: { zh: '公交线路', en: 'Bus route' },
};

export function isLayerId(value: unknown): value is LayerId {
  return typeof value === 'string' && (LAYERS as readonly string[]).includes(value);
}

/** Key of an unordered layer pair, e.g. `metro-trunk`; the order of arguments does not matter. */
export function layerPairKey(a: LayerId, b: LayerId): LayerPairKey {
  return (LAYERS.indexOf(a) <= LAYERS.indexOf(b) ? `${a}-${b}` : `${b}-${a}`) as LayerPairKey;
}

export type LayerPairKey = `${LayerId}-${LayerId}`;

export const LAYER_PAIRS: readonly LayerPairKey[] = LAYERS.flatMap((a, i) =>
  LAYERS.slice(i).map((b) => `${a}-${b}` as LayerPairKey),
);
