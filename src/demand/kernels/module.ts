import { DemandError } from '../errors';

/**
 * A kernel's compiled module from its bytes (base64, as `npm run build:kernels` writes them), once per
 * thread and kernel. Synchronous compilation: the kernels are built in workers (and Node), where no size
 * limit applies. A browser without WebAssembly, or without its 128-bit SIMD, gets DemandError `no-simd`
 * saying which browsers run the model, not a compile error.
 */
export function kernelModule(base64: string): WebAssembly.Module {
  let module = compiled.get(base64);
  if (module) return module;
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  if (typeof WebAssembly !== 'object' || !WebAssembly.validate(bytes))
    throw new DemandError(
      'no-simd',
      'this browser cannot run the demand model: it needs WebAssembly with 128-bit SIMD (Chrome or Edge 91, Firefox 89, Safari 16.4 or later, with WebAssembly not turned off)',
    );
  module = new WebAssembly.Module(bytes);
  compiled.set(base64, module);
  return module;
}

const compiled = new Map<string, WebAssembly.Module>();
