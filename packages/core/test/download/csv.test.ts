import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/download/csv.js';
import { collect, eventually, splitText, streamOf } from './helpers.js';

const parse = (chunks: string[]): Promise<string[][]> => collect(parseCsv(streamOf(chunks)));

/** Parses `text` whole, in 1-, 2- and 3-character chunks, and split in two at every position. */
async function parseEveryWay(text: string): Promise<string[][]> {
  const whole = await parse([text]);
  for (const size of [1, 2, 3]) expect(await parse(splitText(text, size))).toEqual(whole);
  for (let at = 0; at <= text.length; at++) expect(await parse([text.slice(0, at), text.slice(at)])).toEqual(whole);
  return whole;
}

describe('parseCsv', () => {
  it('reads plain records with CRLF, LF or CR endings, with or without a final line break', async () => {
    const expected = [['a', 'b', 'c'], ['1', '2', '3']];
    for (const text of ['a,b,c\r\n1,2,3\r\n', 'a,b,c\r\n1,2,3', 'a,b,c\n1,2,3\n', 'a,b,c\r1,2,3\r', 'a,b,c\n1,2,3\r\n']) {
      expect(await parseEveryWay(text)).toEqual(expected);
    }
  });

  it('reads quoted fields holding commas, quotes and every kind of line break', async () => {
    const text = 'name,note\r\n"Smith, Jane","said ""hi""\r\nthen left"\r\n"a\nb","c\rd"\r\n"""",""\r\n';
    expect(await parseEveryWay(text)).toEqual([
      ['name', 'note'],
      ['Smith, Jane', 'said "hi"\r\nthen left'],
      ['a\nb', 'c\rd'],
      ['"', ''],
    ]);
  });

  it('keeps empty fields, skips empty lines', async () => {
    expect(await parseEveryWay(',,\r\na,\r\n\r\n,b\n\n\r\n"",x')).toEqual([
      ['', '', ''],
      ['a', ''],
      ['', 'b'],
      ['', 'x'],
    ]);
    expect(await parseEveryWay('a,')).toEqual([['a', '']]);
    expect(await parse([])).toEqual([]);
    expect(await parse(['', '\r\n', ''])).toEqual([]);
  });

  it('drops a leading byte order mark, also when it comes alone or after empty chunks', async () => {
    expect(await parseEveryWay('\uFEFFtenant.id,name\r\nx,"\uFEFF"\r\n')).toEqual([['tenant.id', 'name'], ['x', '\uFEFF']]);
    expect(await parse(['', '\uFEFF', 'a,b'])).toEqual([['a', 'b']]);
  });

  it('keeps text after a closing quote, as most readers do', async () => {
    expect(await parseEveryWay('"a"b,c\r\n')).toEqual([['ab', 'c']]);
  });

  it('fails when the text ends inside quotes (a cut-off file)', async () => {
    await expect(parse(['a,"b\r\nc,d'])).rejects.toThrow(/ends inside a quoted field/);
    await expect(parse(['a,"b""'])).rejects.toThrow(/ends inside a quoted field/);
  });

  it('round-trips random records through any chunking', async () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = ['a', 'Z', '7', ' ', ',', '"', '\r', '\n', '\r\n', 'é', '😀', '.'];
    const records = Array.from({ length: 60 }, () =>
      Array.from({ length: 1 + random(5) }, () => Array.from({ length: random(6) }, () => alphabet[random(alphabet.length)]).join('')),
    ).filter((record) => !(record.length === 1 && record[0] === ''));
    const quote = (field: string): string => (/[",\r\n]/.test(field) || random(3) === 0 ? `"${field.replace(/"/g, '""')}"` : field);
    const text = records.map((record) => record.map(quote).join(',')).join(random(2) ? '\r\n' : '\n');
    for (const size of [1, 2, 7, 64, text.length]) expect(await parse(splitText(text, size))).toEqual(records);
  });

  it('cancels the source when the reader stops early', async () => {
    const source = streamOf(['a\r\nb\r\n', 'c\r\n'], { hang: true });
    for await (const record of parseCsv(source)) {
      expect(record).toEqual(['a']);
      break;
    }
    expect(await eventually(() => source.probe.cancelled.length === 1)).toBe(true);
  });
});
