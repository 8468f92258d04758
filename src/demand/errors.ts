/** What kept the demand model from producing a figure (each with its own message). */
export type DemandProblem =
  /** No zone has workers (employed residents): nobody commutes. */
  | 'no-workers'
  /** No zone has jobs: there is nowhere to commute to. */
  | 'no-jobs'
  /** Arrays whose lengths do not match the zone count. */
  | 'size'
  /** A zone with workers reaches no zone with jobs (or a zone with jobs is reached by no worker). */
  | 'unreachable'
  /** Furness did not balance rows and columns within its iterations (the cost pattern allows no solution). */
  | 'not-balanced'
  /** The calibration region has no resident workers, or is not one of the network's regions. */
  | 'no-calibration-population'
  /** A net inflow names no region of the network, regions overlap, or leaves a region (or the rest) no jobs. */
  | 'net-inflow'
  /** No β gives the calibration target: the model's shortest or longest possible mean lies beyond it. */
  | 'target-unreachable'
  /** The browser cannot run the model's WebAssembly kernels (128-bit SIMD). */
  | 'no-simd';

/** Input the demand model cannot work from: a clear message instead of zeros. */
export class DemandError extends Error {
  override readonly name = 'DemandError';
  constructor(
    readonly problem: DemandProblem,
    message: string,
  ) {
    super(message);
  }
}
