import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { StoredReportDownload } from '../operations/download.js';

/** A web stream as a Node readable, for Node stream pipelines. */
export function toNodeReadable(stream: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(stream as unknown as NodeWebReadableStream<Uint8Array>);
}

export interface SavedFile {
  path: string;
  fileName: string;
  format: string;
  bytes: number;
}

/**
 * Streams a download to `path` (memory stays flat whatever the size). The file appears under its name only when
 * complete: it is written to a temporary file next to it and renamed at the end, so a failed download leaves
 * nothing behind. A connection that drops mid-file downloads the file again, within the client's retry budget.
 */
export function saveDownload(download: StoredReportDownload, path: string): Promise<SavedFile> {
  return download.retrying((attempt) => writeOnce(attempt, path));
}

async function writeOnce(download: StoredReportDownload, path: string): Promise<SavedFile> {
  await mkdir(dirname(path), { recursive: true });
  const partial = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.partial`);
  let bytes = 0;
  // opened before the pipeline starts: a stream that opens its file itself may create it after an early failure
  // was cleaned up, leaving an empty partial file behind
  const file = await open(partial, 'w');
  try {
    await pipeline(
      toNodeReadable(download.stream),
      async function* count(source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          bytes += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(partial, { fd: file }),
    );
    await rename(partial, path);
  } catch (error) {
    await file.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  return { path, fileName: download.fileName, format: download.format, bytes };
}

/** Saves a download under its own file name in `directory`. */
export function saveDownloadTo(download: StoredReportDownload, directory: string): Promise<SavedFile> {
  return saveDownload(download, join(directory, download.fileName));
}
