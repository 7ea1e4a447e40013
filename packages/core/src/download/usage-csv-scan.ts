// csv_v2_0 text straight to usage rows, for readers that take the rows of a file by the batch (usageRowBatches, and
// through it billing lines). The same rows and the same errors as CsvTokenizer + CsvUsageReader (parseUsageRows),
// with little garbage per row, since over a file of gigabytes garbage is what the memory goes to:
// - no record array and no field string per cell: a record is scanned into two reused arrays of field offsets, and
//   read from them where it lies;
// - a text cell that repeats the last value of its column (or one of a few recent ones) is that same string again,
//   compared in place; a new value is copied once, so that it keeps no decoded chunk alive;
// - a number cell of at most 15 digits is read from its characters, not through a string;
// - nothing per row is formatted (no error text, no row number as a string) unless the row is wrong.

import { toNumber } from './amounts.js';
import type { Column } from './usage-columns.js';
import { indexHeader, widthError } from './usage-csv.js';
import { inferRawUnit, normalisedUsage, type UsageUnits } from './units.js';
import type { UsageAmounts, UsageRow } from './usage-row.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;
const MINUS = 0x2d;
const ZERO = 0x30;

/**
 * Recent values kept per text column besides the last (a power of two): enough for the dates of a year, the offering
 * items and SKUs of a tenant. A value that drops out is read again as new: a copy, and garbage once replaced.
 */
const SLOTS = 512;
/** Longer cells are not kept (a column of long free text would otherwise keep SLOTS of them). */
const LONGEST_KEPT = 256;

/** Recent values of one text column. */
class ColumnValues {
  /** The last value as written (with its quotes, when quoted) and as read. */
  lastRaw = '';
  lastValue = '';
  /** A few more, by a cheap hash of the cell. */
  readonly raws: string[] = new Array<string>(SLOTS).fill('');
  readonly values: string[] = new Array<string>(SLOTS).fill('');
}

/** A copy of `text` that keeps nothing else alive (V8 keeps a sliced string's whole parent; see aggregate.ts). */
const own = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

/** Feed text with `push`, get the rows it completed; `end` gives the last ones. */
export class CsvUsageScanner {
  /** Text after the last complete record: the start of the next one. */
  private carry = '';
  /** Scan again only once the carry has grown this long: a record longer than a chunk is not scanned per chunk. */
  private rescanAt = 0;
  private first = true;
  /** The fields of the record just scanned: `starts[i]` to `ends[i]` in the scanned text, quotes included. */
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private count = 0;
  private header = false;
  private width = 0;
  private row = 0;
  /** Field positions of the columns; -1 when the file lacks an optional column. */
  private at: Record<Column, number> | null = null;
  private readonly tenantId = new ColumnValues();
  private readonly tenantKind = new ColumnValues();
  private readonly tenantName = new ColumnValues();
  private readonly offeringItem = new ColumnValues();
  private readonly applicationId = new ColumnValues();
  private readonly edition = new ColumnValues();
  private readonly infraId = new ColumnValues();
  private readonly backendType = new ColumnValues();
  private readonly ownerId = new ColumnValues();
  private readonly rawUnit = new ColumnValues();
  private readonly date = new ColumnValues();
  private readonly sku = new ColumnValues();

  constructor(private readonly units: UsageUnits = 'normalised') {}

  /** Whether the header record has been read. */
  get sawHeader(): boolean {
    return this.header;
  }

  push(text: string): UsageRow[] {
    const rows: UsageRow[] = [];
    if (text.length === 0) return rows;
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
    }
    const carry = this.carry;
    if (carry.length === 0) {
      this.scan(text, 0, false, rows);
      return rows;
    }
    if (carry.length + text.length < this.rescanAt) {
      this.carry = carry + text;
      return rows;
    }
    this.carry = '';
    // The record begun in the last text mostly ends at the first line end of this one: join only that far, rather
    // than copying the whole text into one string with the carry.
    const lf = text.indexOf('\n');
    if (lf < 0) {
      this.scan(carry + text, 0, false, rows);
      return rows;
    }
    this.scan(carry + text.slice(0, lf + 1), 0, false, rows);
    if (this.carry.length === 0) {
      this.scan(text, lf + 1, false, rows);
    } else {
      // A quoted field goes on past that line end.
      const rest = this.carry;
      this.carry = '';
      this.scan(rest + text.slice(lf + 1), 0, false, rows);
    }
    return rows;
  }

  end(): UsageRow[] {
    const rows: UsageRow[] = [];
    const s = this.carry;
    this.carry = '';
    this.rescanAt = 0;
    if (s.length > 0) this.scan(s, 0, true, rows);
    return rows;
  }

  /** Reads the records of `s` from `p`; keeps an unfinished last one for the next push (unless `final`). */
  private scan(s: string, p: number, final: boolean, rows: UsageRow[]): void {
    const n = s.length;
    for (;;) {
      // Lines that are entirely empty are skipped, as CsvTokenizer does (a CR LF pair is one such).
      while (p < n) {
        const c = s.charCodeAt(p);
        if (c !== CR && c !== LF) break;
        p++;
      }
      if (p >= n) {
        this.carry = '';
        this.rescanAt = 0;
        return;
      }
      const next = this.fields(s, p, final);
      if (next < 0) {
        this.carry = s.slice(p);
        this.rescanAt = 2 * this.carry.length;
        return;
      }
      this.record(s, rows);
      p = next;
    }
  }

  /**
   * Finds the fields of the record at `p`: the position after it (its CR or LF included), or -1 when it is not
   * complete in `s` and more text may come. With `final` the end of `s` ends the record, as CsvTokenizer's `end`.
   */
  private fields(s: string, p: number, final: boolean): number {
    const n = s.length;
    let count = 0;
    for (;;) {
      if (count === this.starts.length) this.grow();
      const start = p;
      if (p < n && s.charCodeAt(p) === QUOTE) {
        // Quoted: up to the closing quote, `""` being a quote inside.
        let from = p + 1;
        for (;;) {
          const close = s.indexOf('"', from);
          if (close < 0) {
            if (final) throw new Error('CSV ends inside a quoted field: the file is cut off or malformed.');
            return -1;
          }
          if (close + 1 < n && s.charCodeAt(close + 1) === QUOTE) {
            from = close + 2;
            continue;
          }
          // At the end of `s` this may be the first half of `""`: the field ends at the end, so it waits (below).
          p = close + 1;
          break;
        }
        // A stray character after the closing quote (`"a"b`): text up to the next delimiter, kept, quotes and all.
        if (p < n) {
          const c = s.charCodeAt(p);
          if (c !== COMMA && c !== CR && c !== LF) p = delimiterFrom(s, p);
        }
      } else {
        p = delimiterFrom(s, p);
      }
      if (p >= n && !final) return -1;
      this.starts[count] = start;
      this.ends[count] = p;
      count++;
      if (p >= n) {
        this.count = count;
        return n;
      }
      if (s.charCodeAt(p) === COMMA) {
        p++;
        continue;
      }
      this.count = count;
      return p + 1;
    }
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    const ends = new Int32Array(this.ends.length * 2);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** The record just scanned: the header, or a data row into `rows`. */
  private record(s: string, rows: UsageRow[]): void {
    if (!this.header) {
      const names: string[] = [];
      for (let i = 0; i < this.count; i++) names.push(this.cell(s, i));
      const index = indexHeader(names);
      const at = {} as Record<Column, number>;
      for (const column of ['tenant.id', 'tenant.kind', 'tenant.name', 'name', 'application.id', 'edition', 'infra.id',
        'infra.backend_type', 'infra.owner_id', 'usage.absolute.production', 'usage.absolute.total',
        'usage.absolute.trial', 'usage.delta.production', 'usage.delta.total', 'usage.delta.trial',
        'usage.effective.production', 'usage.effective.total', 'usage.effective.trial', 'measurement_unit', 'date',
        'sku'] as const) {
        at[column] = index.get(column) ?? -1;
      }
      this.at = at;
      this.width = this.count;
      this.header = true;
      return;
    }
    this.row++;
    if (this.count !== this.width) throw widthError(this.row, this.count, this.width);
    rows.push(this.usageRow(s, this.at!));
  }

  /** The row, built as usageRow (usage-columns.ts) builds it: same fields, same order, same errors. */
  private usageRow(s: string, at: Record<Column, number>): UsageRow {
    const tenantId = this.text(s, at['tenant.id'], this.tenantId);
    const tenantKind = this.text(s, at['tenant.kind'], this.tenantKind);
    const tenantName = this.optionalText(s, at['tenant.name'], this.tenantName);
    const offeringItem = this.text(s, at['name'], this.offeringItem);
    const absolute = this.amounts(s, at['usage.absolute.production'], at['usage.absolute.total'], at['usage.absolute.trial'], 'absolute');
    if (!absolute) throw new Error(`csv_v2_0 data row ${this.row}: usage.absolute is empty.`);
    const applicationId = this.text(s, at['application.id'], this.applicationId);
    const edition = this.text(s, at['edition'], this.edition);
    const infraId = this.text(s, at['infra.id'], this.infraId);
    const backendType = this.text(s, at['infra.backend_type'], this.backendType);
    const ownerId = this.text(s, at['infra.owner_id'], this.ownerId);
    const sku = this.optionalText(s, at['sku'], this.sku);
    const date = this.optionalText(s, at['date'], this.date);
    const rawUnit = this.optionalText(s, at['measurement_unit'], this.rawUnit);
    const delta = this.amounts(s, at['usage.delta.production'], at['usage.delta.total'], at['usage.delta.trial'], 'delta');
    const effective = this.amounts(s, at['usage.effective.production'], at['usage.effective.total'], at['usage.effective.trial'], 'effective');
    if (this.units === 'file') {
      return {
        tenantId, tenantKind, tenantName, applicationId, edition, infraId, backendType, ownerId, sku, date,
        offeringItem, unit: rawUnit ?? inferRawUnit(offeringItem), rawUnit, absolute, delta, effective,
      };
    }
    return {
      tenantId, tenantKind, tenantName, applicationId, edition, infraId, backendType, ownerId, sku, date,
      ...normalisedUsage(offeringItem, rawUnit, { absolute, delta, effective }),
    };
  }

  /** Field `i` as CsvTokenizer gives it: unquoted, `""` as one quote. */
  private cell(s: string, i: number): string {
    const a = this.starts[i]!;
    const b = this.ends[i]!;
    return a < b && s.charCodeAt(a) === QUOTE ? unquote(s, a, b) : s.slice(a, b);
  }

  private optionalText(s: string, i: number, values: ColumnValues): string | null {
    return i < 0 ? null : this.text(s, i, values) || null;
  }

  /**
   * Field `i` as text: a recent value of its column when it repeats one, else a copy that holds no chunk (a long
   * cell is read as it is: a slice, for as long as its row lives).
   */
  private text(s: string, i: number, values: ColumnValues): string {
    const a = this.starts[i]!;
    const length = this.ends[i]! - a;
    if (length === 0) return '';
    if (length > LONGEST_KEPT) return this.cell(s, i);
    if (values.lastRaw.length === length && s.startsWith(values.lastRaw, a)) return values.lastValue;
    let hash = 0;
    for (let at = a + length - 1; at >= a; at--) hash = (Math.imul(hash, 31) + s.charCodeAt(at)) | 0;
    const slot = (hash ^ (hash >>> 9)) & (SLOTS - 1);
    let raw = values.raws[slot]!;
    let value: string;
    if (raw.length === length && s.startsWith(raw, a)) {
      value = values.values[slot]!;
    } else {
      value = own(this.cell(s, i));
      raw = s.charCodeAt(a) === QUOTE ? own(s.slice(a, a + length)) : value;
      values.raws[slot] = raw;
      values.values[slot] = value;
    }
    values.lastRaw = raw;
    values.lastValue = value;
    return value;
  }

  /** One group of amounts, as toAmounts reads it: null when all three cells are empty. */
  private amounts(s: string, production: number, total: number, trial: number, group: string): UsageAmounts | null {
    const p = this.integer(s, production);
    const t = this.integer(s, total);
    const r = this.integer(s, trial);
    if (p === p && t === t && r === r) return { production: p, total: t, trial: r };
    const pCell = this.cell(s, production);
    const tCell = this.cell(s, total);
    const rCell = this.cell(s, trial);
    if (pCell === '' && tCell === '' && rCell === '') return null;
    return {
      production: this.number(pCell, group, 'production'),
      total: this.number(tCell, group, 'total'),
      trial: this.number(rCell, group, 'trial'),
    };
  }

  /** An unquoted cell of at most 15 digits (and a minus) as its number, exactly as Number() reads it; else NaN. */
  private integer(s: string, i: number): number {
    let a = this.starts[i]!;
    const b = this.ends[i]!;
    const negative = a < b && s.charCodeAt(a) === MINUS;
    if (negative) a++;
    if (a === b || b - a > 15) return NaN;
    let value = 0;
    for (; a < b; a++) {
      const digit = s.charCodeAt(a) - ZERO;
      if (digit < 0 || digit > 9) return NaN;
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  /** A number cell other than a plain integer, as toNumber reads it, with its error when it is none. */
  private number(cell: string, group: string, part: string): number {
    const value = cell.trim() !== '' ? Number(cell) : NaN;
    return Number.isFinite(value) ? value : toNumber(cell, `csv_v2_0 data row ${this.row}: usage.${group}.${part}`);
  }
}

/** The position of the next comma, CR or LF at or after `p`, or the end of `s`. */
function delimiterFrom(s: string, p: number): number {
  const n = s.length;
  for (; p < n; p++) {
    const c = s.charCodeAt(p);
    if (c === COMMA || c === CR || c === LF) return p;
  }
  return n;
}

/** The text of a quoted field from `a` (its opening quote) to `b`: `""` read as `"`, stray text after it kept. */
function unquote(s: string, a: number, b: number): string {
  let out = '';
  let from = a + 1;
  for (;;) {
    const close = s.indexOf('"', from);
    out += s.slice(from, close);
    if (close + 1 < b && s.charCodeAt(close + 1) === QUOTE) {
      out += '"';
      from = close + 2;
      continue;
    }
    return out + s.slice(close + 1, b);
  }
}
