import { describe, expect, it } from 'vitest';
import { guard } from './browserIo';
import { WorkerCrashError } from './errors';

describe('guard (the io worker dying never leaves a request waiting)', () => {
  it('passes answers through while the worker lives, and fails every pending call once it dies', async () => {
    let die!: (e: Error) => void;
    const crashed = new Promise<never>((_, r) => {
      die = r;
    });
    crashed.catch(() => undefined);
    const api = {
      quick: async (x: number) => x + 1,
      // A request the dead worker will never answer.
      never: () => new Promise<number>(() => undefined),
    };
    const io = guard(api, crashed);
    expect(await io.quick(1)).toBe(2);
    const pending = io.never();
    die(new WorkerCrashError('the file worker stopped (out of memory); open the file again'));
    await expect(pending).rejects.toMatchObject({
      name: 'WorkerCrashError',
      message: expect.stringMatching(/stopped/),
    });
    // A call on the dead worker's handle (it would never be answered) fails too.
    await expect(io.never()).rejects.toThrow(WorkerCrashError);
  });
});
