/**
 * `npm run build:kernels`: compile the WebAssembly text kernels (the .wat files of src/demand/kernels) into TypeScript
 * modules holding their bytes (`<name>.wasm.ts`), so that the browser's workers, Node and the tests load
 * them alike, without a loader. A test (kernels.test.ts) compiles them again and fails when a module is not
 * its source's.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { kernelSources, wasmModuleText } from './wasm-kernels';

for (const source of await kernelSources()) {
  const text = await wasmModuleText(source, await readFile(source, 'utf8'));
  const out = source.replace(/\.wat$/, '.wasm.ts');
  await writeFile(out, text);
  process.stderr.write(`${out}\n`);
}
