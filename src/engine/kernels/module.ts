/**
 * The engine's WebAssembly kernels: a kernel's compiled module from its bytes (base64, as `npm run
 * build:kernels` writes them), once per thread — or undefined where there is no WebAssembly or no 128-bit
 * SIMD, and the engine keeps its JavaScript (accessibility needs no SIMD; the demand model's kernels,
 * demand/kernels/module.ts, do). Synchronous compilation: kernels are built in workers and Node.
 */
export function engineKernel(base64: string): WebAssembly.Module | undefined {
  const known = compiled.get(base64);
  if (known) return known;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(bytes)) return undefined;
  const module = new WebAssembly.Module(bytes);
  compiled.set(base64, module);
  return module;
}

const compiled = new Map<string, WebAssembly.Module>();
