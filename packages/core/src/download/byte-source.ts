/** The two reader methods the download pipeline needs; a stream's default reader is one. */
export interface ByteSource {
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel(reason?: unknown): Promise<void>;
}

/** Chunks already read from `rest` (to look at them), handed out again before the rest of it. */
export function replay(head: Uint8Array[], rest: ByteSource): ByteSource {
  const pending = [...head];
  return {
    read() {
      const value = pending.shift();
      return value ? Promise.resolve({ done: false, value }) : rest.read();
    },
    cancel: (reason) => rest.cancel(reason),
  };
}
