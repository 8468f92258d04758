/** A worker died (crashed, ran out of memory, was terminated) while computing. */
export class WorkerCrashError extends Error {
  override readonly name = 'WorkerCrashError';
}

/** The computation was cancelled because a newer request superseded it, or the caller aborted it. */
export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor(message = 'cancelled') {
    super(message);
  }
}

export function isCancelled(e: unknown): e is CancelledError {
  return e instanceof Error && e.name === 'CancelledError';
}
