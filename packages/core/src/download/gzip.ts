// Stored report files are gzip. fetch has already undone that when the server sent `Content-Encoding: gzip`;
// other transports (or servers without the header) hand over the raw gzip bytes. The first two bytes tell.

import { replay, type ByteSource } from './byte-source.js';
import { inflate } from './inflate.js';

const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * The decompressed file, whichever way the body arrived: gzip bytes (magic 1f 8b) are inflated, anything else
 * passes through unchanged. Streams without buffering the body; nothing is read before the result is; errors
 * (a truncated gzip body included) and cancel travel through.
 */
export function decodeStoredReportBody(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const source = body.getReader();
  let decoded: ByteSource | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        decoded ??= await open(source);
        const { done, value } = await decoded.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel(reason) {
        return (decoded ?? source).cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
}

async function open(source: ByteSource): Promise<ByteSource> {
  // The magic may straddle chunks (a first chunk of one byte, or empty ones), so read until two bytes are in.
  const head: Uint8Array[] = [];
  let length = 0;
  while (length < GZIP_MAGIC.length) {
    const { done, value } = await source.read();
    if (done) break;
    if (value.byteLength === 0) continue;
    head.push(value);
    length += value.byteLength;
  }
  const body = replay(head, source);
  return startsWithMagic(head) ? inflate(body) : body;
}

function startsWithMagic(chunks: readonly Uint8Array[]): boolean {
  let index = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.byteLength && index < GZIP_MAGIC.length; i++, index++) {
      if (chunk[i] !== GZIP_MAGIC[index]) return false;
    }
  }
  return index === GZIP_MAGIC.length;
}
