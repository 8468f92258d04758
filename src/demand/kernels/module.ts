import { DemandError } from '../errors';

const NO_SIMD =
  'this browser cannot run the demand model: it needs WebAssembly with 128-bit SIMD (Chrome or Edge 91, Firefox 89, Safari 16.4 or later, with WebAssembly not turned off)';

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
    throw new DemandError('no-simd', NO_SIMD);
  module = new WebAssembly.Module(bytes);
  compiled.set(base64, module);
  return module;
}

const compiled = new Map<string, WebAssembly.Module>();

/** WebAssembly's 32-bit memories stop at 4 GiB (65,536 pages of 64 KiB); browsers may stop sooner. */
const PAGE = 65536;
const MAX_PAGES = 65536;

/**
 * A memory of `bytes` for a kernel (`what` names it in the error), sized once and never grown: the views a
 * kernel's class makes on it stay valid. RangeError beyond WebAssembly's 4 GiB; DemandError `no-simd`
 * without WebAssembly (a workspace is made before the kernels that would say so).
 */
export function kernelMemory(bytes: number, what: string): WebAssembly.Memory {
  if (typeof WebAssembly !== 'object') throw new DemandError('no-simd', NO_SIMD);
  const pages = Math.max(1, Math.ceil(bytes / PAGE));
  if (pages > MAX_PAGES)
    throw new RangeError(`${what} needs ${Math.ceil(bytes / 2 ** 20)} MiB, over WebAssembly's 4 GiB`);
  return new WebAssembly.Memory({ initial: pages, maximum: pages });
}
