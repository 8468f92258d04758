import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fromZod, validate } from './zodIssues';

const issues = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { reportInput: true });
  return r.success ? [] : fromZod(r.error.issues);
};

describe('fromZod', () => {
  const schema = z.strictObject({
    format: z.literal('f/1'),
    layer: z.enum(['metro', 'trunk']),
    n: z.number().positive(),
    list: z.array(z.string()).min(2),
    'am-peak': z.number().optional(),
  });

  it('paths are $-rooted; keys that are not identifiers are quoted', () => {
    expect(issues(schema, { format: 'f/1', layer: 'metro', n: 1, list: ['a', 7], 'am-peak': 'x' })).toEqual([
      { path: '$.list[1]', message: 'expected string, got 7' },
      { path: '$["am-peak"]', message: 'expected number, got "x"' },
    ]);
  });

  it('a missing field says it is missing, whatever its kind', () => {
    expect(issues(schema, { list: ['a', 'b'] })).toEqual([
      { path: '$.format', message: 'missing: must be "f/1"' },
      { path: '$.layer', message: 'missing: must be "metro" or "trunk"' },
      { path: '$.n', message: 'missing (expected number)' },
    ]);
  });

  it('wrong values, bounds, sizes and unknown fields', () => {
    expect(issues(schema, { format: 'f/2', layer: 'tram', n: -1, list: ['a'], extra: 1, other: 2 })).toEqual([
      { path: '$.format', message: 'must be "f/1", got "f/2"' },
      { path: '$.layer', message: 'must be "metro" or "trunk", got "tram"' },
      { path: '$.n', message: 'must be > 0, got -1' },
      { path: '$.list', message: 'needs at least 2 items' },
      { path: '$', message: 'unknown fields "extra", "other"' },
    ]);
  });
});

describe('validate', () => {
  const list = z.strictObject({ stops: z.array(z.string()).min(2), name: z.string() });

  it('returns the data or the issues', () => {
    expect(validate(list, { stops: ['a', 'b'], name: 'n' })).toEqual({
      success: true,
      data: { stops: ['a', 'b'], name: 'n' },
    });
    expect(validate(list, { stops: ['a'], name: 'n' })).toEqual({
      success: false,
      issues: [{ path: '$.stops', message: 'needs at least 2 items' }],
    });
  });

  it('an object whose "length" zod cannot compare is an issue at its path, not an exception', () => {
    const trap = { stops: { length: { toString: 1 } }, name: 'n' };
    // zod itself throws on it:
    expect(() => list.safeParse(trap)).toThrow(TypeError);
    expect(validate(list, trap)).toEqual({
      success: false,
      issues: [{ path: '$.stops', message: 'expected an array, got an object with a "length" field' }],
    });
  });
});
