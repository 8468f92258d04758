/**
 * Module boundaries (DESIGN.md §5): every import of every src/**\/*.ts(x) (tests aside) is checked against
 * the rules in test/support/boundaries.ts, and every crossing is reported as file → import: reason.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  boundaryProblem,
  type Dependency,
  dependencies,
  formatViolation,
  resolveTarget,
  scanImports,
  sourceFiles,
  violations,
} from './support/boundaries';

const ROOT = resolve(import.meta.dirname, '..');

/** Known crossings, each to be removed with its fix: none. The test fails when one no longer occurs. */
const KNOWN: string[] = [];

describe('module boundaries', () => {
  it('every import in src keeps to the boundaries (all crossings are listed)', () => {
    const deps = dependencies(ROOT);
    expect(deps.length).toBeGreaterThan(100); // the scanner sees the code
    const found = violations(deps).map(formatViolation);
    expect(found.filter((v) => !KNOWN.includes(v))).toEqual([]);
    expect(
      KNOWN.filter((k) => !found.includes(k)),
      'a known crossing is gone: remove it from KNOWN',
    ).toEqual([]);
  });

  it('scans every area of src', () => {
    const areas = new Set(sourceFiles(ROOT).map((f) => f.split('/')[1]));
    for (const area of ['domain', 'graph', 'engine', 'io', 'metrics', 'demand', 'workers', 'ui', 'cli'])
      expect(areas).toContain(area);
  });
});

describe('the boundary rule (synthetic imports)', () => {
  const dep = (file: string, specifier: string, typeOnly = false): Dependency => {
    const area = file.split('/')[1]!;
    return { file, area, specifier, typeOnly, target: resolveTarget(ROOT, file, specifier) };
  };

  it('reports each crossing, file → import, with the reason', () => {
    const deps = [
      dep('src/domain/x.ts', '../graph/build'),
      dep('src/domain/x.ts', 'zod'),
      dep('src/domain/x.ts', './line'),
      dep('src/graph/x.ts', '../engine/router'),
      dep('src/graph/x.ts', '../engine/types'),
      dep('src/graph/x.ts', '../engine/types', true),
      dep('src/graph/x.ts', 'graphology-shortest-path'),
      dep('src/graph/x.ts', 'node:fs'),
      dep('src/engine/x.ts', 'graphology'),
      dep('src/engine/x.ts', '../domain/line', true),
      dep('src/metrics/x.ts', '../io/network'),
      dep('src/metrics/x.ts', '../engine/types', true),
      dep('src/io/x.ts', '../metrics/summary'),
      dep('src/io/x.ts', '../metrics/summary', true),
      dep('src/io/x.ts', '../engine/types', true),
      dep('src/io/x.ts', 'fflate'),
      dep('src/ui/x.ts', '../engine/router'),
      dep('src/ui/x.ts', '../graph/build', true),
      dep('src/ui/x.ts', '../workers/pool'),
      dep('src/ui/x.ts', 'maplibre-gl'),
      dep('src/workers/x.ts', 'comlink'),
      dep('src/workers/x.ts', 'graphology'),
      dep('src/workers/x.ts', '../ui/app'),
      dep('src/cli/x.ts', '../ui/app'),
      dep('src/cli/x.ts', '../../test/support/fixtures'),
      dep('src/newthing/x.ts', '../domain/line'),
    ];
    expect(violations(deps).map(formatViolation)).toEqual([
      "src/domain/x.ts → '../graph/build': domain may not import graph",
      "src/domain/x.ts → 'zod': domain may not import the package zod",
      "src/graph/x.ts → '../engine/router': graph may not import engine",
      "src/graph/x.ts → '../engine/types': graph may not import values from engine/types.ts (types only)",
      "src/graph/x.ts → 'node:fs': graph may not import the Node built-in fs",
      "src/engine/x.ts → 'graphology': engine may not import the package graphology",
      "src/engine/x.ts → '../domain/line' (type): engine may not import domain",
      "src/metrics/x.ts → '../io/network': metrics may not import io",
      "src/io/x.ts → '../metrics/summary': io may not import values from metrics (types only)",
      "src/io/x.ts → '../engine/types' (type): io may not import engine",
      "src/ui/x.ts → '../engine/router': ui may not import engine",
      "src/ui/x.ts → '../graph/build' (type): ui may not import graph",
      "src/workers/x.ts → 'graphology': workers may not import the package graphology",
      "src/workers/x.ts → '../ui/app': workers may not import ui",
      "src/cli/x.ts → '../ui/app': cli may not import ui",
      "src/cli/x.ts → '../../test/support/fixtures': cli may not import test/support/fixtures.ts (outside src)",
      'src/newthing/x.ts → \'../domain/line\': no boundary rule for the area "newthing" (add one to test/support/boundaries.ts)',
    ]);
  });

  it('demand is pure: domain, demand and types of metrics only; workers and cli may use it', () => {
    const deps = [
      dep('src/demand/x.ts', '../domain/demand'),
      dep('src/demand/x.ts', './gravity'),
      dep('src/demand/x.ts', '../metrics/summary', true),
      dep('src/demand/x.ts', '../metrics/summary'),
      dep('src/demand/x.ts', '../graph/surface'),
      dep('src/demand/x.ts', '../engine/types', true),
      dep('src/demand/x.ts', 'zod'),
      dep('src/workers/x.ts', '../demand/gravity'),
      dep('src/cli/x.ts', '../demand/gravity'),
      dep('src/ui/x.ts', '../demand/gravity'),
    ];
    expect(violations(deps).map(formatViolation)).toEqual([
      "src/demand/x.ts → '../metrics/summary': demand may not import values from metrics (types only)",
      "src/demand/x.ts → '../graph/surface': demand may not import graph",
      "src/demand/x.ts → '../engine/types' (type): demand may not import engine",
      "src/demand/x.ts → 'zod': demand may not import the package zod",
      "src/ui/x.ts → '../demand/gravity': ui may not import values from demand (types only)",
    ]);
  });

  it('a violation slipped into a real file is found', () => {
    const real = dependencies(ROOT).filter((d) => d.file === 'src/domain/patternOps.ts');
    expect(violations(real)).toEqual([]);
    const slipped = [...real, dep('src/domain/patternOps.ts', '../graph/cost')];
    expect(violations(slipped).map(formatViolation)).toEqual([
      "src/domain/patternOps.ts → '../graph/cost': domain may not import graph",
    ]);
    expect(boundaryProblem(dep('src/engine/router.ts', './heap'))).toBeUndefined();
  });
});

describe('scanImports', () => {
  it('finds every form of import, and which are types only', () => {
    const source = `
import { a, type B } from './one';
import type { C } from "./two";
import * as three from './three';
import def, { d } from './four';
import './side-effect';
import {
  e,
  f,
} from './multi-line';
export { g } from './re-export';
export type { H } from './type-re-export';
export * from './star';
const lazy = await import('./dynamic');
type T = typeof import('./type-query');
import x = require('./required');
// import { no } from './commented-out';
/* import { nor } from './block-comment'; */
const text = "import { not } from 'a-string'";
export const from = 1;
`;
    expect(scanImports(source)).toEqual([
      { specifier: './one', typeOnly: false },
      { specifier: './two', typeOnly: true },
      { specifier: './three', typeOnly: false },
      { specifier: './four', typeOnly: false },
      { specifier: './side-effect', typeOnly: false },
      { specifier: './multi-line', typeOnly: false },
      { specifier: './re-export', typeOnly: false },
      { specifier: './type-re-export', typeOnly: true },
      { specifier: './star', typeOnly: false },
      { specifier: './dynamic', typeOnly: false },
      { specifier: './type-query', typeOnly: true },
      { specifier: './required', typeOnly: false },
    ]);
  });

  it('resolves src files, packages (scoped ones by scope/name) and built-ins', () => {
    expect(resolveTarget(ROOT, 'src/graph/compile.ts', '../engine/types')).toEqual({
      kind: 'src',
      area: 'engine',
      file: 'src/engine/types.ts',
    });
    expect(resolveTarget(ROOT, 'src/graph/access.ts', '@turf/turf')).toEqual({
      kind: 'package',
      name: '@turf/turf',
    });
    expect(resolveTarget(ROOT, 'src/workers/x.ts', 'comlink/dist/esm/node-adapter.mjs')).toEqual({
      kind: 'package',
      name: 'comlink',
    });
    expect(resolveTarget(ROOT, 'src/cli/x.ts', 'node:fs/promises')).toEqual({
      kind: 'builtin',
      name: 'fs/promises',
    });
    expect(resolveTarget(ROOT, 'src/cli/x.ts', 'path')).toEqual({ kind: 'builtin', name: 'path' });
  });
});
