// parseUsageRows({ units: 'file' }): the amounts as the file writes them, for callers that sum before converting.
import { describe, expect, it } from 'vitest';
import { parseUsageRows, type UsageRow } from '../../src/index.js';
import { csvOf, GIB, streamOfText } from './rows.js';

async function rowsOf(units: 'file' | 'normalised'): Promise<UsageRow[]> {
  const text = csvOf([
    { item: 'storage', unit: 'bytes', absolute: [GIB, GIB, 0] },
    { item: 'compute_points', absolute: [0, 0, 0], delta: [18, 18, 0] },
    { item: 'pc_backup', unit: 'quantity', absolute: [3, 3, 0] },
  ]);
  const rows: UsageRow[] = [];
  for await (const row of parseUsageRows(streamOfText(text), 'csv_v2_0', { units })) rows.push(row);
  return rows;
}

describe('usage rows in file units', () => {
  it('keeps bytes, seconds and quantities unconverted and unrounded, naming the file unit (inferred when absent)', async () => {
    const rows = await rowsOf('file');
    expect(rows.map((r) => [r.unit, r.rawUnit, r.absolute.total, r.delta?.total])).toEqual([
      ['bytes', 'bytes', GIB, 0],
      ['seconds', null, 0, 18],
      ['quantity', 'quantity', 3, 0],
    ]);
  });

  it('still normalises by default', async () => {
    const rows = await rowsOf('normalised');
    expect(rows.map((r) => [r.unit, r.absolute.total, r.delta?.total])).toEqual([
      ['GB', 1, 0],
      ['points', 0, 0.01],
      ['count', 3, 0],
    ]);
  });
});
