/**
 * The module boundaries of DESIGN.md §5, as data and a rule function, and a small import scanner (the
 * TypeScript 7 package has no parser API). Used by test/architecture.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** One import or re-export in a source file. */
export interface ImportRef {
  specifier: string;
  /** `import type` / `export type`, or `typeof import(…)`: erased, no module is loaded at run time. */
  typeOnly: boolean;
}

/** What an import reaches: a file under src (with its area), a package, or a Node built-in. */
export type Target =
  | { kind: 'src'; area: string; file: string }
  | { kind: 'package'; name: string }
  | { kind: 'builtin'; name: string }
  | { kind: 'outside'; file: string };

export interface Dependency {
  /** The importing file, relative to the repository root with forward slashes, e.g. src/graph/compile.ts. */
  file: string;
  area: string;
  specifier: string;
  typeOnly: boolean;
  target: Target;
}

export interface Violation extends Dependency {
  reason: string;
}

const ENGINE_TYPES = 'src/engine/types.ts';

const pkg = (name: string, ...allowed: (string | RegExp)[]) =>
  allowed.some((a) => (typeof a === 'string' ? name === a : a.test(name)));

/**
 * Whether `d` may cross from its area to its target, and if not, why. DESIGN.md §5 as the lead stated it:
 * domain imports only domain; graph only domain, graphology*, @turf/* and types of engine/types.ts (the
 * engine owns its input layout); engine only engine; metrics only metrics, domain and engine/types types;
 * io only domain, io, zod, @turf/*, fflate, papaparse, h5wasm (OMX), metrics and demand types and GeoJSON types; ui never graph
 * or engine (only workers, domain, io, metrics, demand types, ui and UI libraries); workers graph, engine, domain, io, metrics, comlink
 * (and Node built-ins for the Node pool); demand (a new area, DESIGN.md §3.1) only demand, domain and
 * metrics types, and workers may import it. cli, not named there: anything but ui (it runs headless).
 */
export function boundaryProblem(d: Dependency): string | undefined {
  const t = d.target;
  const srcArea = t.kind === 'src' ? t.area : undefined;
  const typesOfEngine = t.kind === 'src' && t.file === ENGINE_TYPES && d.typeOnly;
  const no = (what: string) => `${d.area} may not import ${what}`;
  // Graph and metrics may have the engine's input types; elsewhere engine/types.ts is just the engine.
  const typesAllowed = d.area === 'graph' || d.area === 'metrics';
  const describe =
    t.kind === 'src'
      ? t.file === ENGINE_TYPES && typesAllowed
        ? 'values from engine/types.ts (types only)'
        : t.area
      : t.kind === 'outside'
        ? `${t.file} (outside src)`
        : t.kind === 'builtin'
          ? `the Node built-in ${t.name}`
          : `the package ${t.name}`;
  if (t.kind === 'outside') return no(describe);
  switch (d.area) {
    case 'domain':
      return srcArea === 'domain' ? undefined : no(describe);
    case 'engine':
      return srcArea === 'engine' ? undefined : no(describe);
    case 'graph':
      if (srcArea === 'domain' || srcArea === 'graph' || typesOfEngine) return undefined;
      if (t.kind === 'package' && pkg(t.name, /^graphology(-|$)/, /^@turf\//)) return undefined;
      return no(describe);
    case 'metrics':
      if (srcArea === 'metrics' || srcArea === 'domain' || typesOfEngine) return undefined;
      return no(describe);
    case 'demand':
      if (srcArea === 'demand' || srcArea === 'domain' || (srcArea === 'metrics' && d.typeOnly))
        return undefined;
      return no(srcArea === 'metrics' ? 'values from metrics (types only)' : describe);
    case 'io':
      if (
        srcArea === 'domain' ||
        srcArea === 'io' ||
        ((srcArea === 'metrics' || srcArea === 'demand') && d.typeOnly)
      )
        return undefined;
      if (t.kind === 'package' && pkg(t.name, 'zod', /^@turf\//, 'fflate', 'papaparse', 'h5wasm'))
        return undefined;
      // The GeoJSON specification's types (@types/geojson): erased, nothing is loaded.
      if (t.kind === 'package' && t.name === 'geojson' && d.typeOnly) return undefined;
      return no(
        srcArea === 'metrics' || srcArea === 'demand' ? `values from ${srcArea} (types only)` : describe,
      );
    case 'ui':
      if (srcArea === 'demand') return d.typeOnly ? undefined : no('values from demand (types only)');
      if (srcArea !== undefined)
        return ['workers', 'domain', 'io', 'metrics', 'ui'].includes(srcArea) ? undefined : no(describe);
      if (t.kind === 'package' && !pkg(t.name, /^graphology(-|$)/)) return undefined;
      return no(describe);
    case 'workers':
      if (srcArea !== undefined)
        return ['graph', 'engine', 'domain', 'io', 'metrics', 'demand', 'workers'].includes(srcArea)
          ? undefined
          : no(describe);
      if (t.kind === 'package' && pkg(t.name, 'comlink')) return undefined;
      if (t.kind === 'builtin') return undefined;
      return no(describe);
    case 'cli':
      return srcArea === 'ui' ? no(describe) : undefined;
    default:
      return `no boundary rule for the area "${d.area}" (add one to test/support/boundaries.ts)`;
  }
}

export function violations(deps: readonly Dependency[]): Violation[] {
  return deps.flatMap((d) => {
    const reason = boundaryProblem(d);
    return reason ? [{ ...d, reason }] : [];
  });
}

export function formatViolation(v: Violation): string {
  return `${v.file} → '${v.specifier}'${v.typeOnly ? ' (type)' : ''}: ${v.reason}`;
}

// ---------------------------------------------------------------------------------------------------------
// Scanning

/** The source with comments blanked (strings and template literals kept), so commented-out imports do not count. */
export function stripComments(source: string): string {
  let out = '';
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end < 0 ? n : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < n && source[j] !== c) j += source[j] === '\\' ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const FROM =
  /(?:^|[;}\n])\s*(import|export)\s+(type\s+)?((?:[\w$]+\s*,\s*)?(?:\*\s*(?:as\s+[\w$]+)?|\{[^}]*\}|[\w$]+))\s*from\s*(['"])([^'"\n]+)\4/g;
const BARE = /(?:^|[;}\n])\s*import\s*(['"])([^'"\n]+)\1/g;
const DYNAMIC = /(typeof\s+)?\bimport\s*\(\s*(['"])([^'"\n]+)\2\s*\)/g;
const REQUIRE = /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/**
 * Every import, re-export, dynamic import and require of a TypeScript source. `import { type A }` is not
 * type-only: under verbatimModuleSyntax it still loads the module; only `import type` is erased.
 */
export function scanImports(source: string): ImportRef[] {
  const code = stripComments(source);
  const refs: { at: number; ref: ImportRef }[] = [];
  for (const m of code.matchAll(FROM)) {
    // `import type` / `export type` before the clause makes all of it types.
    refs.push({ at: m.index!, ref: { specifier: m[5]!, typeOnly: m[2] !== undefined } });
  }
  for (const m of code.matchAll(BARE))
    refs.push({ at: m.index!, ref: { specifier: m[2]!, typeOnly: false } });
  for (const m of code.matchAll(DYNAMIC))
    refs.push({ at: m.index!, ref: { specifier: m[3]!, typeOnly: m[1] !== undefined } });
  for (const m of code.matchAll(REQUIRE))
    refs.push({ at: m.index!, ref: { specifier: m[2]!, typeOnly: false } });
  return refs.sort((a, b) => a.at - b.at).map((r) => r.ref);
}

const EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** What `specifier`, imported from `file` (repository-relative), reaches. */
export function resolveTarget(root: string, file: string, specifier: string): Target {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const base = resolve(root, dirname(file), specifier);
    const found = EXTENSIONS.map((e) => base + e).find((p) => existsSync(p) && statSync(p).isFile()) ?? base;
    const rel = relative(root, found).split(sep).join('/');
    if (!rel.startsWith('src/')) return { kind: 'outside', file: rel };
    return { kind: 'src', area: areaOf(rel), file: rel };
  }
  const bare = specifier.replace(/^node:/, '');
  if (specifier.startsWith('node:') || builtinModules.includes(bare.split('/')[0]!))
    return { kind: 'builtin', name: bare };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

/** src/graph/compile.ts → graph; a file directly in src → "(src)". */
export function areaOf(file: string): string {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1]! : '(src)';
}

/** Every TypeScript source under src/ except tests (they sit beside the code and may import test support). */
export function sourceFiles(root: string, dir = 'src'): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((e) => {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) return sourceFiles(root, rel);
      return /\.(ts|tsx|mts|cts)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [rel] : [];
    })
    .sort();
}

export function dependencies(root: string): Dependency[] {
  return sourceFiles(root).flatMap((file) =>
    scanImports(readFileSync(join(root, file), 'utf8')).map((ref) => ({
      file,
      area: areaOf(file),
      ...ref,
      target: resolveTarget(root, file, ref.specifier),
    })),
  );
}
