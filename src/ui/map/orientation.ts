import { computed } from '@preact/signals';
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import type { Network } from '../../domain/network';
import type { Boundaries } from '../../io/boundaries';
import { boundaries } from '../data/areas';
import { network } from '../state/store';
import { outline } from './geojson';

export interface Orientation {
  /** District and subdistrict outlines (property `level`). */
  boundaries: FeatureCollection;
  /** Where their names go, with `zh` and `en` names. */
  labels: FeatureCollection<Point>;
  /** The core areas the commute circle is measured to, named. */
  core: FeatureCollection<Point>;
}

const collection = <G extends Geometry>(features: Feature<G>[]): FeatureCollection<G> => ({
  type: 'FeatureCollection',
  features,
});

/**
 * An English name as the map prints it: the place, without the kind a subdistrict's full name ends with
 * ("Donghuamen Subdistrict" → "Donghuamen"); the tables keep the full name.
 */
const mapName = (en: string) => en.replace(/ (Subdistrict|Town|Township)$/, '');

/** The boundaries file's areas: outlines where it has them, a label for every named area. */
function fromFile(b: Boundaries): Pick<Orientation, 'boundaries' | 'labels'> {
  const areas = [
    ...b.districts.map((a) => ({ ...a, level: 'district' })),
    ...b.subdistricts.map((a) => ({ ...a, level: 'subdistrict' })),
  ];
  return {
    boundaries: collection(
      areas.flatMap((a) =>
        a.geometry
          ? [{ type: 'Feature' as const, properties: { level: a.level }, geometry: a.geometry }]
          : [],
      ),
    ),
    labels: collection(
      areas.map((a) => ({
        type: 'Feature' as const,
        properties: { level: a.level, ...a.name, ...(a.name.en && { en: mapName(a.name.en) }) },
        geometry: { type: 'Point' as const, coordinates: a.label },
      })),
    ),
  };
}

/**
 * Without a boundaries file, districts drawn from the zones that carry one: the outline of each
 * district's zones (unnamed: the zones carry only a code). Zones without districts: nothing to draw.
 */
function fromZones(n: Network): Pick<Orientation, 'boundaries' | 'labels'> {
  const districts = [...new Set(n.zones.flatMap((z) => (z.district === undefined ? [] : [z.district])))];
  return {
    boundaries: collection(
      districts.length < 2
        ? []
        : districts.flatMap((d) =>
            outline(n, (k) => n.zones[k]!.district === d).features.map((f) => ({
              ...f,
              properties: { level: 'district' },
            })),
          ),
    ),
    labels: collection([]),
  };
}

function coreFeatures(n: Network): FeatureCollection<Point> {
  const at = new Map(n.zones.map((z) => [z.id, z.centroid]));
  return collection(
    n.core.flatMap((area) => {
      const points = area.zones.flatMap((id) => {
        const c = at.get(id);
        return c ? [c] : [];
      });
      if (points.length === 0) return [];
      const mean = [0, 1].map((k) => points.reduce((s, p) => s + p[k]!, 0) / points.length);
      return [
        {
          type: 'Feature' as const,
          properties: { ...area.name },
          geometry: { type: 'Point' as const, coordinates: mean },
        },
      ];
    }),
  );
}

/** What the map draws to orient a reader: boundaries and their names, the core. */
export const orientation = computed<Orientation>(() => {
  const n = network.value?.network;
  if (!n) return { boundaries: collection([]), labels: collection([]), core: collection([]) };
  const b = boundaries.value;
  return { ...(b ? fromFile(b) : fromZones(n)), core: coreFeatures(n) };
});
