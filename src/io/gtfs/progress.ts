import { GtfsAbortError } from './errors';

/**
 * Progress and cancelling: reports 0..1 with a stage name and, every 30 ms or so, yields to the event loop
 * so a worker can receive an abort, then throws GtfsAbortError if the signal fired.
 */
export class Progress {
  private last = performance.now();

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((fraction: number, stage: string) => void) | undefined,
  ) {}

  check(): void {
    if (this.signal?.aborted) throw new GtfsAbortError();
  }

  async tick(fraction: number, stage: string): Promise<void> {
    this.check();
    this.onProgress?.(Math.min(1, Math.max(0, fraction)), stage);
    if (performance.now() - this.last > 30) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      this.last = performance.now();
      this.check();
    }
  }
}
