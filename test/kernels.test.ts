import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { generatedKernels, kernelSources, wasmModuleText } from '../scripts/wasm-kernels';

describe('generated kernels', () => {
  it('are their generators’ text (scripts/kernels), and their .wasm.ts modules its compilation, as committed (npm run build:kernels)', async () => {
    const kernels = generatedKernels();
    expect(kernels.map((k) => k.path.split('/').at(-1))).toEqual([
      'changes.wat',
      'logit.wat',
      'sources.wat',
      'surface.wat',
      'tally.wat',
      'loads.wat',
      'lowerRail.wat',
    ]);
    for (const kernel of kernels) {
      expect(await readFile(kernel.path, 'utf8')).toBe(kernel.text);
      const module = await wasmModuleText(kernel.path, kernel.text);
      expect(module).toBe(await readFile(kernel.path.replace(/\.wat$/, '.wasm.ts'), 'utf8'));
    }
  });
});

describe('kernel modules', () => {
  it('every .wat of the kernels folders compiles to its committed .wasm.ts (npm run build:kernels)', async () => {
    const sources = await kernelSources();
    expect(sources.length).toBeGreaterThanOrEqual(5);
    for (const source of sources) {
      const module = await wasmModuleText(source, await readFile(source, 'utf8'));
      expect(module).toBe(await readFile(source.replace(/\.wat$/, '.wasm.ts'), 'utf8'));
    }
  });
});
