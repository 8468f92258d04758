import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The kernels as a fresh import sees them (the compiled modules are cached per thread). */
async function fresh() {
  vi.resetModules();
  const [
    { RowMatrix },
    { LogitKernel },
    { SurfaceKernel },
    { TallyKernel },
    { ChangedPairs },
    { RiderClassesKernel },
    { KernelWorkspace },
  ] = await Promise.all([
    import('./rowMatrix'),
    import('./logit'),
    import('./surface'),
    import('./tally'),
    import('./changes'),
    import('./sources'),
    import('./workspace'),
  ]);
  const table = () => new Float64Array(4);
  const car = { secondsPerMeter: table(), terminalSeconds: table(), terminalCost: table(), driveWeight: 1 };
  const layout = { zoneCount: 1, district: Int32Array.of(0), districtCount: 1, regions: [] };
  return [
    () => new RowMatrix(1, 1),
    () => new LogitKernel(1),
    () =>
      new SurfaceKernel(
        new KernelWorkspace(1, 8, 1024),
        Float64Array.of(1, 0, 0),
        Uint8Array.of(0),
        Float64Array.of(100),
        car,
      ),
    () => new TallyKernel(new KernelWorkspace(1, 8, 1024), layout),
    () => new ChangedPairs(new KernelWorkspace(1, 1)),
    () => new RiderClassesKernel(new KernelWorkspace(1, 4)),
  ];
}

describe('kernelModule', () => {
  const noSimd = expect.objectContaining({ name: 'DemandError', problem: 'no-simd' });

  it('says plainly when the browser has no WebAssembly SIMD, for every kernel, instead of failing to compile', async () => {
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    for (const make of await fresh()) {
      expect(make).toThrowError(noSimd);
      expect(make).toThrowError(/128-bit SIMD \(Chrome or Edge 91/);
    }
  });

  it('says the same where WebAssembly is turned off altogether (no WebAssembly object)', async () => {
    const kernels = await fresh();
    vi.stubGlobal('WebAssembly', undefined);
    for (const make of kernels) expect(make).toThrowError(noSimd);
  });

  it('compiles each kernel once per thread', async () => {
    const compile = vi.spyOn(WebAssembly, 'Module');
    const kernels = await fresh();
    for (const make of [...kernels, ...kernels]) make();
    expect(compile).toHaveBeenCalledTimes(6);
  });
});
