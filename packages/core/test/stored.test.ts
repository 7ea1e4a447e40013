import { describe, expect, it } from 'vitest';
import { newestSavedFiles, type StoredReport } from '../src/index.js';

const item = (id: string, created_at: string, status: StoredReport['status'] = 'saved', report_format: StoredReport['report_format'] = 'csv_v2_0') => ({ id, created_at, status, report_format });

describe('newestSavedFiles', () => {
  it('keeps saved files of the format asked for, newest first, ties by id', () => {
    const items = [
      item('a', '2026-11-01T10:00:00'),
      item('b', '2026-11-02T10:00:00', 'in_progress'),
      item('c', '2026-11-01T12:00:00+02:00'), // 10:00 UTC, the same time as a
      item('d', '2026-11-03T10:00:00Z', 'saved', 'json_v2_0'),
      item('e', 'not a time'),
    ];
    expect(newestSavedFiles(items).map((i) => i.id)).toEqual(['d', 'c', 'a', 'e']);
    expect(newestSavedFiles(items, 'csv_v2_0').map((i) => i.id)).toEqual(['c', 'a', 'e']);
    expect(newestSavedFiles(items, 'html' as string)).toEqual([]);
  });
});
