import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Problem } from './problem.js';

const megabytes = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

/**
 * A request body written to a new private file in `dir` as it arrives, so that a large
 * upload is never held in memory; the caller removes the file. More than `limit` bytes is a
 * 413 as soon as the limit is passed (a body sent without a Content-Length is only measured
 * here). The body is unpiped rather than destroyed then, so that the 413 still reaches the
 * caller over the same connection.
 */
export async function bodyToFile(body: Readable, dir: string, limit: number): Promise<string> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `body-${randomUUID()}`);
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes <= limit) return done(null, chunk);
      done(
        new Problem(413, 'Payload too large', `The body is more than ${megabytes(limit)}; this route takes at most ${megabytes(limit)}.`, {
          limit,
        }),
      );
    },
  });
  const hungUp = (error: Error) => counted.destroy(error);
  body.once('error', hungUp);
  body.pipe(counted);
  try {
    await pipeline(counted, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    body.unpipe(counted);
    await rm(file, { force: true });
    throw error;
  } finally {
    body.off('error', hungUp);
  }
  return file;
}
