import { open, type FileHandle } from 'node:fs/promises';

/**
 * A file as a web ReadableStream of bytes that reads only when the consumer pulls: memory stays at one chunk
 * whatever the file's size. (Node 20's `Readable.toWeb(createReadStream(path))` reads ahead of a slow consumer.)
 */
export function fileWebStream(path: string, chunkBytes = 64 * 1024): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  return new ReadableStream<Uint8Array>({
    async start() {
      handle = await open(path, 'r');
    },
    async pull(controller) {
      const buffer = new Uint8Array(chunkBytes);
      const { bytesRead } = await handle!.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) {
        await handle!.close();
        controller.close();
        return;
      }
      controller.enqueue(bytesRead < chunkBytes ? buffer.subarray(0, bytesRead) : buffer);
    },
    async cancel() {
      await handle?.close();
    },
  });
}
