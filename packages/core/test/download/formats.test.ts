import { describe, expect, it } from 'vitest';
import { reportFormats } from '../../src/generated/enums.js';
import { formatInfo } from '../../src/download/formats.js';
import { storedReportFileName } from '../../src/download/file-name.js';

describe('formatInfo', () => {
  it('knows every format of the description', () => {
    expect(reportFormats.map((format) => [format, formatInfo(format)])).toEqual([
      ['csv', { extension: 'csv', suffix: '.table.csv', contentType: 'text/csv; charset=utf-8' }],
      ['html', { extension: 'html', suffix: '.html', contentType: 'text/html; charset=utf-8' }],
      ['json_v1', { extension: 'json', suffix: '.v1.json', contentType: 'application/json' }],
      ['csv_v2_0', { extension: 'csv', suffix: '.csv', contentType: 'text/csv; charset=utf-8' }],
      ['json_v2_0', { extension: 'json', suffix: '.json', contentType: 'application/json' }],
    ]);
  });

  it('refuses an unknown format', () => {
    expect(() => formatInfo('xlsx' as never)).toThrow(/Unknown report format "xlsx"/);
  });
});

describe('storedReportFileName', () => {
  const october = { start: '2026-10-01', end: '2026-10-31' };

  it('names a whole calendar month by the month', () => {
    expect(storedReportFileName({ kind: 'usage_summary', period: october, format: 'csv_v2_0' })).toBe('usage_summary-2026-10.csv');
    expect(storedReportFileName({ kind: 'usage_daily', period: { start: '2028-02-01', end: '2028-02-29' }, format: 'json_v2_0' })).toBe(
      'usage_daily-2028-02.json',
    );
    expect(storedReportFileName({ kind: 'usage_daily', period: { start: '2027-02-01', end: '2027-02-28' }, format: 'html' })).toBe(
      'usage_daily-2027-02.html',
    );
  });

  it('names any other period by both dates', () => {
    const cases: Array<[{ start: string; end: string }, string]> = [
      [{ start: '2026-10-01', end: '2026-10-15' }, 'usage_summary-2026-10-01_2026-10-15.json'],
      [{ start: '2026-10-02', end: '2026-10-31' }, 'usage_summary-2026-10-02_2026-10-31.json'],
      [{ start: '2026-09-01', end: '2026-10-31' }, 'usage_summary-2026-09-01_2026-10-31.json'],
      [{ start: '2028-02-01', end: '2028-02-28' }, 'usage_summary-2028-02-01_2028-02-28.json'],
      [{ start: '2026-10-05', end: '2026-10-05' }, 'usage_summary-2026-10-05_2026-10-05.json'],
    ];
    for (const [period, name] of cases) {
      expect(storedReportFileName({ kind: 'usage_summary', period, format: 'json_v2_0' })).toBe(name);
    }
  });

  it('gives the five formats of one report five different names', () => {
    const names = ['csv', 'html', 'json_v1', 'csv_v2_0', 'json_v2_0'].map((format) =>
      storedReportFileName({ kind: 'usage_summary', period: october, format: format as 'csv' }),
    );
    expect(names).toEqual([
      'usage_summary-2026-10.table.csv',
      'usage_summary-2026-10.html',
      'usage_summary-2026-10.v1.json',
      'usage_summary-2026-10.csv',
      'usage_summary-2026-10.json',
    ]);
  });

  it('falls back to the date of created_at, as written, then to the kind alone', () => {
    expect(storedReportFileName({ kind: 'usage_current', format: 'csv_v2_0', createdAt: '2019-08-08T07:36:57+00:00' })).toBe(
      'usage_current-2019-08-08.csv',
    );
    expect(storedReportFileName({ kind: 'usage_current', format: 'csv', createdAt: '2017-01-01T12:07:53' })).toBe(
      'usage_current-2017-01-01.table.csv',
    );
    expect(storedReportFileName({ kind: 'usage_current', format: 'json_v1', createdAt: new Date('2026-11-15T12:00:00Z') })).toBe(
      'usage_current-2026-11-15.v1.json',
    );
    expect(storedReportFileName({ kind: 'usage_current', format: 'json_v2_0' })).toBe('usage_current.json');
    expect(storedReportFileName({ kind: 'usage_current', format: 'json_v2_0', createdAt: 'yesterday' })).toBe('usage_current.json');
  });

  it('keeps only safe characters', () => {
    const name = storedReportFileName({ kind: '../etc/pass wd', period: { start: '2026-10-01', end: '2026/10/31' }, format: 'csv_v2_0' });
    expect(name).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(name).not.toMatch(/^\./);
    expect(name.endsWith('.csv')).toBe(true);
  });
});
