import type { H5 } from './format';

let loaded: Promise<H5> | undefined;

/** h5wasm's browser build (files live in its in-memory file system), loaded once, on first use. */
export function loadH5Browser(): Promise<H5> {
  loaded ??= import('h5wasm').then(async (m) => {
    await m.ready;
    // HDF5 errors thrown as exceptions (with HDF5's error stack as the message), never printed to stderr.
    m.Module.activate_throwing_error_handler();
    return m.default;
  });
  return loaded;
}
