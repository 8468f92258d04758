/**
 * `npm run build:kernels`: write the generated WebAssembly text (scripts/kernels), then compile every
 * kernel's text (the .wat files of src/demand/kernels) into a TypeScript module holding its bytes
 * (`<name>.wasm.ts`), so that the browser's workers, Node and the tests load them alike, without a loader.
 * Tests compile them again and fail when a module is not its source's.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { generatedKernels, kernelSources, wasmModuleText } from './wasm-kernels';

for (const { path, text } of generatedKernels()) {
  await writeFile(path, text);
  process.stderr.write(`${path}\n`);
}
for (const source of await kernelSources()) {
  const text = await wasmModuleText(source, await readFile(source, 'utf8'));
  const out = source.replace(/\.wat$/, '.wasm.ts');
  await writeFile(out, text);
  process.stderr.write(`${out}\n`);
}
