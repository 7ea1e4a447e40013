import { gzipSync } from 'node:zlib';
import { createTenantTree, renderReportFile } from '../../src/content/index.js';
import type { ReportFileRequest, ReportFormat, ReportKind, TenantTree } from '../../src/content/index.js';

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

/** A padded all-customers file (with SKUs) in one piece, with its UTF-8 size, largest chunk and gzip ratio. */
export function renderWhole(format: ReportFormat, kind: ReportKind, targetBytes: number) {
  // Kept as bytes: tens of MB of strings held until the end cost more in garbage collection than encoding them.
  const chunks: Buffer[] = [];
  let largest = 0;
  for (const chunk of renderReportFile(request({ format, kind, level: 'all_customers', showSkus: true, targetBytes }))) {
    const encoded = Buffer.from(chunk, 'utf8');
    largest = Math.max(largest, encoded.length);
    chunks.push(encoded);
  }
  const file = Buffer.concat(chunks);
  return { text: file.toString('utf8'), bytes: file.length, largest, ratio: file.length / gzipSync(file).length };
}

/** An unquoted field: up to the next comma, line break or quote (a quote there is an error). */
const UNQUOTED = /[^,\r\n"]*/y;

/** A strict RFC 4180 reader (CRLF rows): fails on a stray quote, so a quoting bug cannot pass unnoticed. */
export function parseCsv(text: string): string[][] {
  return [...csvRows(text)];
}

/** `parseCsv` one row at a time, for files too large to hold as arrays of fields. */
export function* csvRows(text: string): Generator<string[]> {
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
      UNQUOTED.lastIndex = i;
      UNQUOTED.test(text);
      const end = UNQUOTED.lastIndex;
      if (text[end] === '"') throw new Error(`Quote inside an unquoted field at ${i}`);
      field = text.slice(i, end);
      i = end;
    }
    row.push(field);
    if (i >= text.length) {
      yield row;
      break;
    }
    if (text[i] === ',') {
      i++;
      if (i >= text.length) {
        row.push('');
        yield row;
      }
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      yield row;
      row = [];
      i += 2;
    } else {
      throw new Error(`Unexpected ${JSON.stringify(text[i])} after a field at ${i}`);
    }
  }
}

/** Rows of a CSV as objects keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) return [];
  return rows.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
}
