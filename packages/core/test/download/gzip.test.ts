import { describe, expect, it } from 'vitest';
import { decodeStoredReportBody, readBytes, readText } from '../../src/download/index.js';
import { encode, eventually, gzip, sampleText, splitBytes, streamOf } from './helpers.js';

const TEXT = sampleText(6_000);

describe('decodeStoredReportBody', () => {
  it('inflates gzip bytes, whatever the chunking (1-byte chunks, empty chunks first)', async () => {
    const compressed = await gzip(encode(TEXT));
    for (const size of [1, 2, 3, 17, 4096, compressed.length]) {
      const chunks = [new Uint8Array(0), ...splitBytes(compressed, size)];
      expect(await readText(decodeStoredReportBody(streamOf(chunks)))).toBe(TEXT);
    }
  });

  it('passes other bytes through unchanged, chunk for chunk', async () => {
    const plain = encode(TEXT);
    for (const size of [1, 2, 5, 1000]) {
      const chunks = [new Uint8Array(0), ...splitBytes(plain, size)];
      expect(await readBytes(decodeStoredReportBody(streamOf(chunks)))).toEqual(plain);
    }
  });

  it('handles bodies too short to hold the magic', async () => {
    expect(await readBytes(decodeStoredReportBody(streamOf<Uint8Array>([])))).toEqual(new Uint8Array(0));
    expect(await readBytes(decodeStoredReportBody(streamOf([new Uint8Array(0)])))).toEqual(new Uint8Array(0));
    expect(await readBytes(decodeStoredReportBody(streamOf([Uint8Array.of(0x1f)])))).toEqual(Uint8Array.of(0x1f));
    const almost = Uint8Array.of(0x1f, 0x8c, 0x41);
    expect(await readBytes(decodeStoredReportBody(streamOf(splitBytes(almost, 1))))).toEqual(almost);
  });

  it('fails on a truncated gzip body instead of ending quietly', async () => {
    const compressed = await gzip(encode(TEXT));
    for (const cut of [compressed.length - 4, Math.floor(compressed.length / 2), 10, 2]) {
      const body = streamOf(splitBytes(compressed.slice(0, cut), 512));
      await expect(readBytes(decodeStoredReportBody(body))).rejects.toThrow();
    }
  });

  it('passes a source error on, in both modes', async () => {
    const compressed = await gzip(encode(TEXT));
    const failure = new Error('connection reset');
    const gz = streamOf(splitBytes(compressed, 100).slice(0, 3), { error: failure });
    await expect(readBytes(decodeStoredReportBody(gz))).rejects.toThrow('connection reset');
    const plain = streamOf([encode('a,b\r\n')], { error: failure });
    await expect(readBytes(decodeStoredReportBody(plain))).rejects.toThrow('connection reset');
  });

  it('streams: output comes while the body is still arriving', async () => {
    const compressed = await gzip(encode(sampleText(1_000_000)));
    const half = splitBytes(compressed.slice(0, compressed.length / 2), 16_384);
    const body = streamOf(half, { hang: true });
    const reader = decodeStoredReportBody(body).getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    expect(first.value!.byteLength).toBeGreaterThan(0);
    await reader.cancel();
  });

  it('holds input back while output waits to be read (memory stays flat)', async () => {
    // large enough that "everything read ahead" would be far above the bound below
    const plain = encode(sampleText(12_000_000));
    const compressed = await gzip(plain);
    const ratio = plain.length / compressed.length;
    for (const size of [1000, 16_384, 65_536]) {
      const body = streamOf(splitBytes(compressed, size));
      const reader = decodeStoredReportBody(body).getReader();
      let consumed = 0;
      let mostAhead = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        consumed += value.byteLength;
        // Decompressed bytes read from the source but not yet handed out: what sits in memory.
        mostAhead = Math.max(mostAhead, body.probe.pulls * size * ratio - consumed);
      }
      expect(consumed).toBe(plain.length);
      // A few chunks ahead at most, never the file. The inflater's own output buffer is part of "ahead", and
      // Node 24's holds up to two 64 KB blocks where Node 20's holds one.
      const bound = Math.max(128 * 1024, 4 * size) * ratio;
      expect(bound).toBeLessThan(plain.length / 4);
      expect(mostAhead).toBeLessThan(bound);
    }
  }, 30_000);

  it('reads nothing before it is read, and cancels the source when cancelled', async () => {
    const compressed = await gzip(encode(TEXT));
    for (const bytes of [compressed, encode(TEXT)]) {
      const body = streamOf(splitBytes(bytes, 64), { hang: true });
      const decoded = decodeStoredReportBody(body);
      await Promise.resolve();
      expect(body.probe.pulls).toBe(0);
      const reader = decoded.getReader();
      await reader.read();
      await reader.cancel('enough');
      expect(await eventually(() => body.probe.cancelled.length > 0)).toBe(true);
      expect(body.probe.cancelled).toEqual(['enough']);
    }
    const untouched = streamOf([encode('x')]);
    await decodeStoredReportBody(untouched).cancel('never mind');
    expect(untouched.probe.cancelled).toEqual(['never mind']);
  });

  it('undoes one layer of gzip only: a file that is itself gzip arrives gzip-compressed once', async () => {
    const once = await gzip(encode(TEXT));
    const twice = await gzip(once);
    expect(await readBytes(decodeStoredReportBody(streamOf([twice])))).toEqual(once);
  });
});
