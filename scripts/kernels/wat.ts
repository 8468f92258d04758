/**
 * Building WebAssembly text as expression trees, for the generated kernels: every operator gets exactly
 * its operands (the folded text format does not check how many, and wabt's validation lets a misplaced
 * operand through when the types happen to agree).
 */

/** One folded instruction: (name arg …). */
export const op = (name: string, ...args: string[]) => `(${[name, ...args].join(' ')})`;
export const get = (name: string) => op('local.get', name);
export const set = (name: string, value: string) => op('local.set', name, value);
export const add = (a: string, b: string) => op('f64x2.add', a, b);
export const sub = (a: string, b: string) => op('f64x2.sub', a, b);
export const mul = (a: string, b: string) => op('f64x2.mul', a, b);
export const div = (a: string, b: string) => op('f64x2.div', a, b);
export const i32 = (n: number) => op('i32.const', String(n));
export const splat = (v: string) => op('f64x2.splat', v);

/** Statements, one a line, indented. */
export const lines = (statements: string[], indent: number) =>
  statements.map((s) => ' '.repeat(indent) + s).join('\n');

/** Reads and writes of a row (its byte offset in the local `base`) at the destination(s) the loop is at. */
export interface Lanes {
  load(base: string): string;
  store(base: string, value: string): string;
}

/** The byte offset of destination j in a row: the local $p (j × 8). */
const at = (base: string) => op('i32.add', get(base), get('$p'));
/** Destinations j and j + 1. */
export const pairLanes: Lanes = {
  load: (base) => op('v128.load', at(base)),
  store: (base, value) => op('v128.store', at(base), value),
};
/** Destination j alone, in lane 0 (lane 1 reads 0 and is not written). */
export const oneLanes: Lanes = {
  load: (base) => op('v128.load64_zero', at(base)),
  store: (base, value) => op('v128.store64_lane', '0', at(base), value),
};

/**
 * A loop over destinations 0 … z − 1 two at a time (the local $j; $p = 8j), then an odd last one alone in
 * lane 0: `body(lanes)` is the statements for the destinations at $p.
 */
export function destinationLoop(body: (lanes: Lanes) => string[], indent: number): string {
  const pad = ' '.repeat(indent);
  return `${pad}(local.set $j (i32.const 0))
${pad}(block $done
${pad}  (loop $next
${pad}    (br_if $done (i32.ge_u (local.get $j) (i32.and (local.get $z) (i32.const -2))))
${pad}    (local.set $p (i32.shl (local.get $j) (i32.const 3)))
${lines(body(pairLanes), indent + 4)}
${pad}    (local.set $j (i32.add (local.get $j) (i32.const 2)))
${pad}    (br $next)))
${pad};; An odd last destination alone, in lane 0.
${pad}(if (i32.lt_u (local.get $j) (local.get $z))
${pad}  (then
${pad}    (local.set $p (i32.shl (local.get $j) (i32.const 3)))
${lines(body(oneLanes), indent + 4)}))`;
}

/** A scalar loop: `index` from 0 while below `bound` (locals), one at a time, `body` each time. */
export function scalarLoop(index: string, bound: string, body: string[], indent: number): string {
  const pad = ' '.repeat(indent);
  return `${pad}(block $done
${pad}  (loop $next
${pad}    (br_if $done (i32.ge_u (local.get ${index}) (local.get ${bound})))
${lines(body, indent + 4)}
${pad}    (local.set ${index} (i32.add (local.get ${index}) (i32.const 1)))
${pad}    (br $next)))`;
}
