import { createTenantTree, renderReportFile } from '../../src/content/index.js';
import type { ReportFileRequest, TenantTree } from '../../src/content/index.js';

export const SEED = 20_240_601;
export const tree: TenantTree = createTenantTree({ seed: SEED });

export function request(overrides: Partial<ReportFileRequest> = {}): ReportFileRequest {
  return {
    tree,
    tenantId: tree.root.id,
    kind: 'usage_summary',
    level: 'direct_partners',
    format: 'csv_v2_0',
    period: { start: '2025-05-01', end: '2025-05-31' },
    generationDate: '2025-06-01',
    hideZeroUsage: false,
    showSkus: false,
    seed: SEED,
    ...overrides,
  };
}

export function render(overrides: Partial<ReportFileRequest> = {}): string {
  return [...renderReportFile(request(overrides))].join('');
}

/** A strict RFC 4180 reader (CRLF rows): fails on a stray quote, so a quoting bug cannot pass unnoticed. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field: string;
    if (text[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw new Error('Unterminated quoted field');
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      field = value;
    } else {
      let end = i;
      while (end < text.length && text[end] !== ',' && text[end] !== '\r' && text[end] !== '\n') end++;
      field = text.slice(i, end);
      if (field.includes('"')) throw new Error(`Quote inside an unquoted field at ${i}`);
      i = end;
    }
    row.push(field);
    if (i >= text.length) {
      rows.push(row);
      break;
    }
    if (text[i] === ',') {
      i++;
      if (i >= text.length) {
        row.push('');
        rows.push(row);
      }
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    } else {
      throw new Error(`Unexpected ${JSON.stringify(text[i])} after a field at ${i}`);
    }
  }
  return rows;
}

/** Rows of a CSV as objects keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
