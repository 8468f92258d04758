import { z } from 'zod';
import { LAYERS } from '../../domain/layer';

export const id = z
  .string()
  .min(1)
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what ids may not hold.
  .regex(/^[^\u0000-\u001f]+$/, 'must not contain control characters')
  .describe('An identifier, unique within its list (any characters but control characters).');

export const localizedName = z
  .strictObject({ zh: z.string().min(1).optional(), en: z.string().min(1).optional() })
  .refine((n) => n.zh !== undefined || n.en !== undefined, { message: 'give a zh or an en name (or both)' })
  .describe('A name in Chinese and/or English.');

export const lonLat = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe('[longitude, latitude] in WGS84 degrees (not GCJ-02).');

export const layer = z
  .enum(LAYERS)
  .describe('trunk 干线铁路, intercity 城际铁路, suburban 市域(郊)铁路, metro 城市轨道交通');

export const seconds = z.number().min(0).describe('Seconds, ≥ 0.');
export const positiveSeconds = z.number().positive().describe('Seconds, > 0.');

export const direction = z.union([z.literal(0), z.literal(1)]);

export const headways = z
  .record(z.string(), positiveSeconds)
  .describe('Headway in seconds per analysis period id; a period that is absent has no service.');

export const color = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'must be a colour "#RRGGBB"');

export const clock = z.string().regex(/^([01]\d|2[0-9]|3[0-9]|4[0-7]):[0-5]\d$/, 'must be a time "HH:MM"');

export const transferPlace = z.union([
  z.strictObject({ station: id }),
  z.strictObject({ stations: z.tuple([id, id]) }),
  z.strictObject({ hub: id }),
]);

export const transferSide = z.union([
  z.strictObject({ line: id, direction: direction.optional() }),
  z.strictObject({ layer }),
]);

export const transferFields = {
  at: transferPlace,
  from: transferSide.optional(),
  to: transferSide.optional(),
  walkSeconds: seconds.optional(),
  processingSeconds: seconds.optional(),
};

/** Sources and licences a file's data comes with (at least one). */
export const attributionList = z
  .array(
    z.strictObject({ text: z.string().min(1), url: z.string().optional(), licence: z.string().optional() }),
  )
  .min(1);
