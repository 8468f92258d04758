/** Regenerates schemas/*.schema.json from the validators (run on purpose: `npm run schemas`). */
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from '../src/io/schemas';

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schemas/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${name}`);
}
