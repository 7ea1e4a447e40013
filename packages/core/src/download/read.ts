import { chunksOf } from './chunks.js';

/** The whole stream as one byte array. Only for files known to be small: it holds everything in memory. */
export async function readBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunksOf(stream)) {
    parts.push(chunk);
    length += chunk.byteLength;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

/** The whole stream as UTF-8 text, without a leading byte order mark. */
export async function readText(stream: ReadableStream<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of chunksOf(stream)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

export async function readJson<T = unknown>(stream: ReadableStream<Uint8Array>): Promise<T> {
  return JSON.parse(await readText(stream)) as T;
}

/** Bytes to UTF-8 text chunks, streaming; a leading byte order mark is dropped. */
export function decodeUtf8(stream: ReadableStream<Uint8Array>): ReadableStream<string> {
  // TS 5.9 types the decoder's input as ArrayBuffer-backed views only; response bodies are such views.
  return stream.pipeThrough(new TextDecoderStream('utf-8') as unknown as ReadableWritablePair<string, Uint8Array>);
}
