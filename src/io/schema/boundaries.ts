import { z } from 'zod';
import { attributionList, id, localizedName, lonLat } from './common';

export const BOUNDARIES_FORMAT = 'commuteshed.boundaries/1';

const position = lonLat;
const ring = z
  .array(position)
  .min(4)
  .describe('A closed ring: at least 4 positions, the last equal to the first.');
const polygon = z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) });
const multiPolygon = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(ring).min(1)).min(1),
});

const common = {
  code: id.describe('The district code the zones carry, or the subdistrict code.'),
  name: localizedName,
  label: lonLat.describe('Where the name is drawn.'),
};

const district = z.strictObject({ level: z.literal('district'), ...common });
const subdistrict = z.strictObject({
  level: z.literal('subdistrict'),
  ...common,
  district: id.describe('The district it lies in (a district code of this file).'),
  zones: z.array(id).describe('The zones counted in it (ids of the network’s zones).'),
});

export const boundariesFileSchema = z
  .strictObject({
    $schema: z.string().optional(),
    type: z.literal('FeatureCollection'),
    format: z.literal(BOUNDARIES_FORMAT),
    network: id.describe('The network whose zones it names.'),
    attribution: attributionList,
    features: z.array(
      z.strictObject({
        type: z.literal('Feature'),
        properties: z.discriminatedUnion('level', [district, subdistrict]),
        geometry: z
          .union([polygon, multiPolygon])
          .nullable()
          .describe(
            'The outline, or null for an area the data has no boundary for (its name is still drawn).',
          ),
      }),
    ),
  })
  .describe(
    "Administrative boundaries for a network's map and district tables: districts (by the code its zones carry) and subdistricts with their zones (commuteshed.boundaries/1, GeoJSON).",
  );

export type BoundariesFile = z.infer<typeof boundariesFileSchema>;
