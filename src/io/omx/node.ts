import type { H5 } from './format';

let loaded: Promise<H5> | undefined;

/** h5wasm's Node build: HDF5 on the real file system, loaded once. */
export function loadH5Node(): Promise<H5> {
  loaded ??= import('h5wasm/node').then(async (m) => {
    await m.ready;
    // HDF5 errors thrown as exceptions (with HDF5's error stack as the message), never printed to stderr.
    m.Module.activate_throwing_error_handler();
    return m.default;
  });
  return loaded;
}
