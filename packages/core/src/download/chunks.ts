/**
 * Iterates a stream through its reader (async iteration of ReadableStream is not in every runtime or TS lib).
 * Leaving the loop early cancels the stream, so an abandoned download stops instead of filling buffers.
 */
export async function* chunksOf<T>(stream: ReadableStream<T>): AsyncGenerator<T, void, undefined> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
