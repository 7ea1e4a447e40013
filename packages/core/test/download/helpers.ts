export const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface SourceProbe {
  cancelled: unknown[];
  pulls: number;
}

/** A stream that hands out one given chunk per pull, then closes (or errors, or hangs when told to). */
export function streamOf<T>(
  chunks: readonly T[],
  options: { error?: Error; hang?: boolean } = {},
): ReadableStream<T> & { probe: SourceProbe } {
  const probe: SourceProbe = { cancelled: [], pulls: 0 };
  let next = 0;
  const stream = new ReadableStream<T>(
    {
      pull(controller) {
        probe.pulls++;
        if (next < chunks.length) {
          controller.enqueue(chunks[next++]!);
        } else if (options.error) {
          controller.error(options.error);
        } else if (options.hang) {
          return new Promise<void>(() => undefined);
        } else {
          controller.close();
        }
        return undefined;
      },
      cancel(reason) {
        probe.cancelled.push(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return Object.assign(stream, { probe });
}

export function splitBytes(bytes: Uint8Array, size: number): Uint8Array[] {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.slice(i, i + size));
  return parts;
}

export function splitText(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const compressed = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(compressed).arrayBuffer());
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Deterministic text that does not compress to nothing. */
export function sampleText(length: number): string {
  let seed = 7;
  let text = '';
  while (text.length < length) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    text += `${seed.toString(36)},"é ${seed % 97}"\r\n`;
  }
  return text.slice(0, length);
}

/** Waits (a few macrotasks at most) until `check` holds: cancel crosses pipes asynchronously. */
export async function eventually(check: () => boolean, ticks = 50): Promise<boolean> {
  for (let i = 0; i < ticks && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 1));
  return check();
}
