import { describe, expect, it } from 'vitest';
import { readBytes, readJson, readText } from '../../src/download/index.js';
import { encode, splitBytes, streamOf } from './helpers.js';

describe('readBytes / readText / readJson', () => {
  it('joins chunks into one byte array', async () => {
    const bytes = encode('0123456789abcdef');
    expect(await readBytes(streamOf(splitBytes(bytes, 3)))).toEqual(bytes);
    expect(await readBytes(streamOf<Uint8Array>([]))).toEqual(new Uint8Array(0));
  });

  it('decodes UTF-8 split anywhere, multi-byte characters included, and drops a BOM', async () => {
    const text = 'Zürich, 東京, 🚀 "quoted"';
    const bytes = encode(`\uFEFF${text}`);
    for (const size of [1, 2, 3, 5, bytes.length]) {
      expect(await readText(streamOf(splitBytes(bytes, size)))).toBe(text);
    }
  });

  it('parses JSON', async () => {
    const value = { tenants: [{ id: 'a', usages: [] }], n: 1.5 };
    const bytes = encode(JSON.stringify(value));
    expect(await readJson<typeof value>(streamOf(splitBytes(bytes, 1)))).toEqual(value);
    await expect(readJson(streamOf([encode('{"cut": ')]))).rejects.toThrow(SyntaxError);
  });

  it('passes stream errors on', async () => {
    await expect(readText(streamOf([encode('abc')], { error: new Error('boom') }))).rejects.toThrow('boom');
  });
});
