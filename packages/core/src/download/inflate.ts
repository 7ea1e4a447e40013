import type { ByteSource } from './byte-source.js';

const ignore = (): void => undefined;
const PENDING = Symbol('pending');

/** Whether `promise` has settled already. Promise.race settles with the first of its settled inputs in order. */
async function isSettled(promise: Promise<unknown>): Promise<boolean> {
  try {
    return (await Promise.race([promise, Promise.resolve(PENDING)])) !== PENDING;
  } catch {
    return true;
  }
}

/**
 * gunzip with DecompressionStream, driven by demand: a chunk goes in only while a read waits, no output is
 * ready and the inflater has taken the chunk before. `source.pipeThrough(new DecompressionStream('gzip'))`
 * would be simpler, but some runtimes (Node 20 among them) pull the whole input through it however slowly the
 * output is read, and keep everything it inflates to. Here what waits is the output of about one chunk.
 */
export function inflate(input: ByteSource): ByteSource {
  const inflater = new DecompressionStream('gzip');
  const writer = inflater.writable.getWriter();
  const output = inflater.readable.getReader();
  let inputDone = false;
  // An input read still open when output came first; its chunk goes in on a later read.
  let pendingInput: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  // The last chunk written, until the inflater has taken it: more of its output may be on the way.
  let writing: Promise<void> | null = null;

  /** Feeds input until `next` (the output read being waited for) settles, or the input ends. */
  async function feed(next: Promise<unknown>): Promise<void> {
    const answered = next.then(
      () => true as const,
      () => true as const,
    );
    while (!(await isSettled(next))) {
      if (writing) {
        await Promise.race([answered, writing]);
        continue;
      }
      if (inputDone) return;
      if (!pendingInput) {
        pendingInput = input.read();
        pendingInput.catch(ignore); // a failure is dealt with where it is awaited, maybe on a later read
      }
      const first = await Promise.race([answered, pendingInput]);
      if (first === true) return;
      pendingInput = null;
      if (first.done) {
        inputDone = true;
        // A cut-off gzip stream fails on close; the failure reaches the reader through its pending read.
        writer.close().catch(ignore);
      } else {
        writing = writer.write(first.value as Uint8Array<ArrayBuffer>).then(
          () => void (writing = null),
          () => void (writing = null),
        );
      }
    }
  }

  return {
    async read() {
      const next = output.read();
      next.catch(ignore);
      try {
        await feed(next);
      } catch (error) {
        writer.abort(error).catch(ignore);
        throw error;
      }
      return next;
    },
    async cancel(reason) {
      await Promise.all([output.cancel(reason).catch(ignore), input.cancel(reason)]);
    },
  };
}
