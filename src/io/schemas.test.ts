import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from './schemas';

const root = new URL('../../', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

describe('shipped JSON Schemas', () => {
  it('are what the validators generate (regenerate on purpose with npm run schemas)', () => {
    for (const [name, schema] of Object.entries(jsonSchemas())) {
      expect(read(`schemas/${name}`), name).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });

  it('give every number a file can carry a physical domain: a minimum and a maximum', () => {
    const unbounded: string[] = [];
    for (const name of ['network.schema.json', 'zones.schema.json', 'scenario.schema.json']) {
      const stack: [unknown, string][] = [[jsonSchemas()[name], name]];
      while (stack.length > 0) {
        const [node, path] = stack.pop()!;
        if (node === null || typeof node !== 'object') continue;
        const o = node as Record<string, unknown>;
        const types = Array.isArray(o.type) ? o.type : [o.type];
        const numeric = types.includes('number') || types.includes('integer');
        const low = o.minimum ?? o.exclusiveMinimum;
        const high = o.maximum ?? o.exclusiveMaximum;
        if (numeric && o.const === undefined && (low === undefined || high === undefined))
          unbounded.push(path);
        for (const [k, v] of Object.entries(o)) stack.push([v, `${path}/${k}`]);
      }
    }
    // A GeoJSON feature's id may be a number (RFC 7946 §3.2): a name, not a quantity.
    expect(unbounded).toEqual(['zones.schema.json/properties/features/items/properties/id']);
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = (name: string, data: unknown) => {
    const schema = read(`schemas/${name}`);
    const check = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
    return check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };

  it('accept the shipped network and scenarios', () => {
    expect(validate('network.schema.json', read('networks/toy.network.json'))).toEqual([]);
    expect(validate('boundaries.schema.json', read('networks/jjj.boundaries.geojson'))).toEqual([]);
    expect(validate('scenario.schema.json', read('scenarios/toy-express.scenario.json'))).toEqual([]);
    expect(validate('scenario.schema.json', read('scenarios/toy-rail-integration.scenario.json'))).toEqual(
      [],
    );
  });

  it('reject what the validators reject', () => {
    const scenario = read('scenarios/toy-express.scenario.json');
    expect(validate('scenario.schema.json', { ...scenario, format: 'commuteshed.scenario/2' })).not.toEqual(
      [],
    );
    expect(
      validate('scenario.schema.json', {
        ...scenario,
        modifications: [{ type: 'set-headway', line: 'm1', headways: { 'am-peak': 0 } }],
      }),
    ).not.toEqual([]);
    expect(
      validate('network.schema.json', { ...read('networks/toy.network.json'), stations: [{ id: 's' }] }),
    ).not.toEqual([]);
  });
});
