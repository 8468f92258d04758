import type { z } from 'zod';
import { childPath, type Issue } from '../domain/issue';

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
