import type { H5 } from './format';

/** The part of h5wasm's in-memory file system (MEMFS) an export needs: the written file's bytes. */
export interface MemoryFs {
  readFile(path: string): Uint8Array;
  unlink(path: string): void;
}

let loaded: Promise<{ h5: H5; fs: MemoryFs }> | undefined;

/** h5wasm's browser build (files live in its in-memory file system), loaded once, on first use. */
export function loadH5Browser(): Promise<{ h5: H5; fs: MemoryFs }> {
  loaded ??= import('h5wasm').then(async (m) => {
    await m.ready;
    // HDF5 errors thrown as exceptions (with HDF5's error stack as the message), never printed.
    m.Module.activate_throwing_error_handler();
    return { h5: m.default, fs: m.FS as unknown as MemoryFs };
  });
  return loaded;
}
