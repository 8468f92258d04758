/**
 * Output files written under a temporary name beside the target and renamed into place when complete, so
 * a failed or interrupted run leaves no half-written file (and never clobbers a good one with a bad one).
 */
import { once } from 'node:events';
import { closeSync, createWriteStream, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { finished } from 'node:stream/promises';
import { OmxError, type OmxLayout } from '../io/omx/format';
import { loadH5Node } from '../io/omx/node';
import { OmxWriter } from '../io/omx/writer';

/** An output that cannot be created (missing folder, no permission, …), named with the reason. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

interface Staged {
  temporary: string;
  commit(): void;
  discard(): void;
}

/** Claim a temporary file beside `file` (failing now, before any work, if it cannot be written there). */
function stage(file: string): Staged {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    closeSync(openSync(temporary, 'wx'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'its folder does not exist' : String(e);
    throw new OutputError(`cannot write ${file}: ${reason}`);
  }
  return {
    temporary,
    commit: () => renameSync(temporary, file),
    discard: () => rmSync(temporary, { force: true }),
  };
}

/** Fail now, before any work, if `file` cannot be written (its folder is missing, no permission, …). */
export function checkWritable(file: string): void {
  stage(file).discard();
}

/** Text written piece by piece (waiting whenever the stream's buffer is full), then renamed to `file`. */
export async function writeTextFile(file: string, pieces: Iterable<string>): Promise<void> {
  const staged = stage(file);
  const out = createWriteStream(staged.temporary);
  try {
    for (const piece of pieces) if (!out.write(piece)) await once(out, 'drain');
    out.end();
    await finished(out);
    staged.commit();
  } catch (e) {
    // Closed before it is removed: a stream still opening would otherwise write the file back.
    out.destroy();
    await finished(out).catch(() => undefined);
    staged.discard();
    throw e;
  }
}

export interface OmxOutput {
  writer: OmxWriter;
  /** Close the file and move it into place. */
  commit(): void;
  /** Close and delete what was written. */
  discard(): void;
}

/** An OMX file being written (rows stream in through `writer`), in place only once committed. */
export async function createOmxFile(file: string, layout: OmxLayout): Promise<OmxOutput> {
  const staged = stage(file);
  let writer: OmxWriter;
  try {
    writer = OmxWriter.create(await loadH5Node(), staged.temporary, layout);
  } catch (e) {
    staged.discard();
    throw e instanceof OmxError ? new OmxError(e.message.replace(staged.temporary, file)) : e;
  }
  return {
    writer,
    commit: () => {
      writer.close();
      staged.commit();
    },
    discard: () => {
      writer.close();
      staged.discard();
    },
  };
}
