// usageRowBatches reads csv_v2_0 with its own scanner (usage-csv-scan.ts), built for little garbage per row. It must
// give exactly what parseUsageRows gives (CsvTokenizer + CsvUsageReader): the same rows, field for field and in the
// same key order, or the same error. Random files, seeded, cut into random byte chunks (UTF-8 sequences split too).
import { describe, expect, it } from 'vitest';
import { parseUsageRows, type UsageRow, type UsageUnits } from '../../src/index.js';
import { usageRowBatches } from '../../src/download/usage-batches.js';

/** mulberry32: small, seeded, good enough to pick test cases. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REQUIRED = [
  'tenant.id', 'tenant.kind', 'name', 'application.id', 'edition', 'infra.id', 'infra.backend_type', 'infra.owner_id',
  'usage.absolute.production', 'usage.absolute.total', 'usage.absolute.trial',
  'usage.delta.production', 'usage.delta.total', 'usage.delta.trial',
  'usage.effective.production', 'usage.effective.total', 'usage.effective.trial',
];
const OPTIONAL = ['tenant.name', 'measurement_unit', 'date', 'sku'];

const TEXTS = [
  '', 'customer', 'partner', 'storage', 'local_storage', 'pw_compute_points', 'vm_backup', 'standard', 'advanced',
  'aaaaaaaa-0000-4000-8000-000000000001', 'bbbbbbbb-0000-4000-8000-000000000002', 'Alpha GmbH', 'Beta, "B"',
  'Hotel "Blue Anchor"', 'Zakład Łódź', 'Café ☕ 東京', 'emoji 😀 here', 'two\nlines', 'cr\rhere', ' padded ',
  '2025-11-01', '2025-11-02', 'SP2ASENS', 'bytes', 'seconds', 'quantity', 'GB', 'a"b', '"', '""', ',',
  'x'.repeat(300), `Long "quoted", ${'y'.repeat(300)}`,
];
// Good ones first: integers (some too long to read digit by digit exactly), then decimals, then the rest.
const NUMBERS = [
  '0', '1', '5', '-3', '-0', '007', '257192139092', '11872063137104', '999999999999999', '1234567890123456',
  '12345678901234567890', '99999999999999999999', '-123456789012345678901234567890',
  '1.5', '-2.25', '0.1', '1e3', ' 5', '5 ', '+5', '0x10', '.5', '5.', 'Infinity', 'abc', '',
];
const INTEGERS = NUMBERS.slice(0, 13);
const DECIMALS = NUMBERS.slice(13, 16);
/** Fields written as they are, not as a writer would quote them: stray text after a closing quote, a quote inside. */
const RAW = ['"a"b', '"x""y"z"w', 'a"b', '"q"""', '"Hotel"x'];

function cell(value: string, pick: () => number): string {
  const needs = /[",\r\n]/.test(value);
  if (needs || pick() < 0.05) return `"${value.replace(/"/g, '""')}"`;
  return value;
}

/** A csv_v2_0 text: columns in a random order, some optional and unknown ones, mostly good rows, now and then a bad one. */
function csvText(pick: () => number, bad: boolean): string {
  const oneOf = <T>(list: readonly T[]): T => list[Math.floor(pick() * list.length)]!;
  const columns = [...REQUIRED, ...OPTIONAL.filter(() => pick() < 0.7), ...(pick() < 0.3 ? ['extra.column'] : [])];
  for (let i = columns.length - 1; i > 0; i--) {
    const j = Math.floor(pick() * (i + 1));
    [columns[i], columns[j]] = [columns[j]!, columns[i]!];
  }
  const eol = (): string => oneOf(['\r\n', '\r\n', '\n', '\r']);
  let text = (pick() < 0.2 ? '\uFEFF' : '') + columns.map((c) => cell(c, pick)).join(',') + eol();
  const rows = 1 + Math.floor(pick() * 40);
  for (let r = 0; r < rows; r++) {
    if (pick() < 0.05) text += eol(); // an empty line
    const fields = columns.map((column): string | { raw: string } => {
      if (column.startsWith('usage.')) {
        if (!bad) return pick() < 0.9 ? oneOf(INTEGERS) : oneOf(DECIMALS);
        return pick() < 0.97 ? oneOf(INTEGERS) : oneOf(NUMBERS);
      }
      return pick() < 0.05 ? { raw: oneOf(RAW) } : oneOf(TEXTS);
    });
    // Blank groups (a usage_daily row has no delta and effective figures), now and then.
    for (const group of ['delta', 'effective', ...(bad ? ['absolute'] : [])]) {
      if (pick() < 0.2) for (const part of ['production', 'total', 'trial']) fields[columns.indexOf(`usage.${group}.${part}`)] = '';
    }
    if (bad && pick() < 0.03) fields.push('surplus');
    text += fields.map((f) => (typeof f === 'string' ? cell(f, pick) : f.raw)).join(',');
    if (r < rows - 1 || pick() < 0.7) text += eol();
  }
  if (bad && pick() < 0.1) text += '"cut off';
  return text;
}

/** The bytes of `text` in chunks of random sizes, small ones mostly, so that fields and characters are split. */
function chunked(text: string, pick: () => number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      const size = pick() < 0.8 ? 1 + Math.floor(pick() * 40) : 1 + Math.floor(pick() * 100_000);
      controller.enqueue(bytes.slice(at, (at += size)));
    },
  });
}

type Outcome = { rows: UsageRow[]; error?: string };

async function viaRows(text: string, units: UsageUnits): Promise<Outcome> {
  const rows: UsageRow[] = [];
  try {
    for await (const row of parseUsageRows(new Blob([text]).stream(), 'csv_v2_0', { units })) rows.push(row);
    return { rows };
  } catch (error) {
    return { rows, error: (error as Error).message };
  }
}

async function viaBatches(stream: ReadableStream<Uint8Array>, units: UsageUnits): Promise<Outcome> {
  const rows: UsageRow[] = [];
  try {
    for await (const batch of usageRowBatches(stream, 'csv_v2_0', { units })) rows.push(...batch);
    return { rows };
  } catch (error) {
    return { rows, error: (error as Error).message };
  }
}

describe('usageRowBatches against parseUsageRows', () => {
  it('gives the same rows, or the same error, for random csv_v2_0 files in random chunks', async () => {
    const pick = random(20261205);
    let errors = 0;
    let rows = 0;
    for (let i = 0; i < 400; i++) {
      const text = csvText(pick, i % 4 === 3);
      const units: UsageUnits = i % 2 === 0 ? 'file' : 'normalised';
      const expected = await viaRows(text, units);
      const got = await viaBatches(chunked(text, pick), units);
      if (expected.error !== undefined) {
        errors++;
        expect(got.error, JSON.stringify(text)).toBe(expected.error);
      } else {
        rows += expected.rows.length;
        expect(got.error, JSON.stringify(text)).toBeUndefined();
        expect(got.rows, JSON.stringify(text)).toEqual(expected.rows);
        expect(JSON.stringify(got.rows)).toBe(JSON.stringify(expected.rows)); // key order too
      }
    }
    // The cases cover both outcomes well.
    expect(errors).toBeGreaterThan(30);
    expect(rows).toBeGreaterThan(3000);
  });

  it('reads a file handed over as one chunk in batches of a few hundred rows', async () => {
    const header = REQUIRED.join(',');
    const row = REQUIRED.map((c) => (c.startsWith('usage.') ? '257192139092' : 'aaaaaaaa-0000-4000-8000-000000000001')).join(',');
    const text = `${header}\n${`${row}\n`.repeat(10_000)}`;
    const sizes: number[] = [];
    for await (const batch of usageRowBatches(new Blob([text]).stream(), 'csv_v2_0')) sizes.push(batch.length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.max(...sizes)).toBeLessThan(500);
  });
});
