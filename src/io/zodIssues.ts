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
  let result: ReturnType<typeof schema.safeParse>;
  try {
    result = schema.safeParse(value, { reportInput: true });
  } catch (e) {
    const traps = rawKeys(value, (node) =>
      !Array.isArray(node) && Object.hasOwn(node, 'length') && typeof node.length === 'object' ? [''] : [],
    );
    const message = `cannot be checked: ${e instanceof Error ? e.message : String(e)}`;
    return {
      success: false,
      issues:
        traps.length > 0
          ? traps.map((path) => ({ path, message: 'expected an array, got an object with a "length" field' }))
          : [{ path: '$', message }],
    };
  }
  const issues = result.success ? [] : fromZod(result.error.issues);
  // zod skips a "__proto__" key in a record without a word (assigning it would replace the prototype), so
  // {"__proto__": 300} as a period's headway would vanish where {"constructor": 300} is reported. JSON
  // makes it an ordinary key; it names nothing a file can refer to, so it is an issue wherever it is.
  const reported = new Set(issues.map((i) => i.path));
  const protos = hasOwnKeyAnywhere(value, '__proto__')
    ? rawKeys(value, (node) => (Object.hasOwn(node, '__proto__') ? ['__proto__'] : []))
    : [];
  for (const path of protos) {
    const parent = path.slice(0, -'.__proto__'.length);
    if (!reported.has(parent) && !reported.has(path))
      issues.push({ path, message: '"__proto__" is not a name (of a period, station, line or field)' });
  }
  return issues.length > 0 || !result.success
    ? { success: false, issues }
    : { success: true, data: result.data as T };
}

/**
 * Whether any object in a raw JSON value has `key` as an own key: a quick scan (no paths) of every node,
 * a zones file's hundreds of thousands of coordinate pairs included, before the walk that spells paths.
 */
function hasOwnKeyAnywhere(value: unknown, key: string): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) {
        const child = node[k];
        if (child !== null && typeof child === 'object') stack.push(child);
      }
    } else if (node !== null && typeof node === 'object') {
      if (Object.hasOwn(node, key)) return true;
      for (const child of Object.values(node))
        if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

/**
 * Paths of the keys `pick` chooses in every object of a raw JSON value (`''`: the object itself), in
 * document order, walked with a stack rather than recursion: a file may nest a hundred thousand levels.
 * A node's path is spelled out only when something is found there (paths of deep nodes are long).
 */
function rawKeys(value: unknown, pick: (node: Record<string, unknown>) => string[]): string[] {
  const found: string[] = [];
  // Every node visited: its parent's index in `seen` and its key there, to spell its path on demand.
  const seen: { parent: number; key: string | number }[] = [{ parent: -1, key: '' }];
  const pathOf = (k: number): string => {
    const keys: (string | number)[] = [];
    for (let at = k; at > 0; at = seen[at]!.parent) keys.push(seen[at]!.key);
    return keys.reduceRight<string>((path, key) => childPath(path, key), '$');
  };
  const stack: { node: unknown; at: number }[] = [{ node: value, at: 0 }];
  while (stack.length > 0) {
    const { node, at } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    for (const key of pick(node as Record<string, unknown>))
      found.push(key === '' ? pathOf(at) : childPath(pathOf(at), key));
    const entries = Object.entries(node);
    for (let k = entries.length - 1; k >= 0; k--) {
      const [key, child] = entries[k]!;
      if (child === null || typeof child !== 'object') continue;
      seen.push({ parent: at, key: Array.isArray(node) ? Number(key) : key });
      stack.push({ node: child, at: seen.length - 1 });
    }
  }
  return found;
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
    // A bound the schema words itself (with its unit: "must be ≥ 30 s") keeps its words.
    case 'too_small':
      if (i.origin === 'array')
        return i.message.startsWith('needs')
          ? i.message
          : `needs at least ${i.minimum} item${i.minimum === 1 ? '' : 's'}`;
      return `${i.message.startsWith('must') ? i.message : `must be ${i.inclusive ? '≥' : '>'} ${i.minimum}`}, got ${describe(i.input)}`;
    case 'too_big':
      if (i.origin === 'array') return `has more than ${i.maximum} items`;
      return `${i.message.startsWith('must') ? i.message : `must be ${i.inclusive ? '≤' : '<'} ${i.maximum}`}, got ${describe(i.input)}`;
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
