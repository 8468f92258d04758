import { z } from 'zod';
import { boundariesFileSchema } from './schema/boundaries';
import { networkSchema, zonesFileSchema } from './schema/network';
import { resultsSchema } from './schema/results';
import { scenarioSchema } from './schema/scenario';

/** The JSON Schemas other tools validate our files with, generated from the validators themselves. */
export function jsonSchemas(): Record<string, unknown> {
  const make = (schema: z.ZodType, id: string, title: string) => ({
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    $id: `https://commuteshed.example/schemas/${id}`,
    title,
  });
  return {
    'network.schema.json': make(networkSchema, 'network.schema.json', 'commuteshed.network/1'),
    'zones.schema.json': make(zonesFileSchema, 'zones.schema.json', 'commuteshed zones (GeoJSON)'),
    'scenario.schema.json': make(scenarioSchema, 'scenario.schema.json', 'commuteshed.scenario/1'),
    'results.schema.json': make(resultsSchema, 'results.schema.json', 'commuteshed.results/1'),
    'boundaries.schema.json': make(
      boundariesFileSchema,
      'boundaries.schema.json',
      'commuteshed.boundaries/1',
    ),
  };
}
