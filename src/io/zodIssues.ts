import type { z } from 'zod';
import { childPath, type Issue } from '../domain/issue';

/**
 * Check `value` against `schema`: the data, or every issue. Never throws: zod 4 runs an array's length checks
 * on any input with a `length` field, even one its type check rejected, and comparing an object such as
 * {"toString": 1} with a number throws. Such input is reported at the paths where it occurs.
 */
export function validate<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { success: true; data: T } | { success: false; issues: Issue[] } {
  try {
    const result = schema.safeParse(value, { reportInput: true });
    return result.success
      ? { success: true, data: result.data }
      : { success: false, issues: fromZod(result.error.issues) };
  } catch (e) {
    const issues = lengthFields(value, '$').map((path) => ({
      path,
      message: 'expected an array, got an object with a "length" field',
    }));
    const message = `cannot be checked: ${e instanceof Error ? e.message : String(e)}`;
    return { success: false, issues: issues.length > 0 ? issues : [{ path: '$', message }] };
  }
}

/** Paths of objects (not arrays) whose `length` field is an object or an array. */
function lengthFields(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  const own =
    !Array.isArray(value) &&
    Object.hasOwn(value, 'length') &&
    typeof (value as { length: unknown }).length === 'object'
      ? [path]
      : [];
  return [
    ...own,
    ...Object.entries(value).flatMap(([k, v]) =>
      lengthFields(v, childPath(path, Array.isArray(value) ? Number(k) : k)),
    ),
  ];
}

/** Zod's issues as ours: a `$`-rooted JSON path and a message a planner can act on. */
export function fromZod(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((i) => ({
    path: i.path.reduce<string>((p, k) => childPath(p, typeof k === 'number' ? k : String(k)), '$'),
    message: message(i),
  }));
}

function message(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined
        ? `missing (expected ${i.expected})`
        : `expected ${i.expected}, got ${describe(i.input)}`;
    case 'unrecognized_keys':
      return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_value':
      return `${i.input === undefined ? 'missing: ' : ''}must be ${i.values.map((v) => JSON.stringify(v)).join(' or ')}${i.input === undefined ? '' : `, got ${describe(i.input)}`}`;
    case 'too_small':
      return i.origin === 'array'
        ? `needs at least ${i.minimum} item${i.minimum === 1 ? '' : 's'}`
        : `must be ${i.inclusive ? '≥' : '>'} ${i.minimum}, got ${describe(i.input)}`;
    case 'too_big':
      return i.origin === 'array'
        ? `has more than ${i.maximum} items`
        : `must be ${i.inclusive ? '≤' : '<'} ${i.maximum}, got ${describe(i.input)}`;
    case 'invalid_union':
      return i.message.startsWith('Invalid discriminator')
        ? i.message.replace('Invalid discriminator value. Expected', 'must be one of')
        : 'does not match any allowed form';
    default:
      return i.message;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value;
}
