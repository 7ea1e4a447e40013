// Usage rows to per-key sums, streaming: memory holds one entry per billing line, whatever the file size.
// Every tenant is billed from its own rows only (no roll-up into parents). Within a line, rows of different
// `infra.id` are added up; a second row of the same infra.id replaces the first, as the vendor's own billing
// module does (a repeat means the same storage reported again, not more of it).

import type { UsageRow } from '../download/usage-row.js';
import { defaultFigure, type FigureChoice } from './figure.js';
import type { Figure, FigureMeasure, FigurePart } from './types.js';

/** What one billing line has gathered so far. */
export interface LineSum {
  tenantId: string;
  tenantName: string | null;
  tenantKind: string;
  offeringItem: string;
  edition: string;
  backendType: string;
  sku: string;
  /** The unit the rows are written in (bytes, seconds, quantity...). */
  rawUnit: string;
  figure: Figure;
  /** The sum over infra.id, in `rawUnit`. */
  raw: number;
  rows: number;
}

interface Entry extends LineSum {
  /** The figure split once, not per row. */
  measure: FigureMeasure;
  part: FigurePart;
  firstInfra: string;
  firstValue: number;
  /** infra.id -> value, once a second infra.id shows up. */
  byInfra: Map<string, number> | null;
}

/**
 * A copy of `text` that holds nothing else alive. Parsed fields are slices of the decoded chunk they came from, and
 * V8 keeps a sliced string's whole parent: a line that kept its first row's fields would keep that chunk (64 KB or
 * more) for the rest of the file, and the memory would follow the file after all.
 */
const own = (text: string): string => (text.length < 13 ? text : (' ' + text).slice(1));

export const lineKey = (tenantId: string, offeringItem: string, edition: string, backendType: string, sku: string): string =>
  `${tenantId}\u0000${offeringItem}\u0000${edition}\u0000${backendType}\u0000${sku}`;

export class LineAggregator {
  private readonly entries = new Map<string, Entry>();
  private rowCount = 0;

  constructor(private readonly figure?: FigureChoice) {}

  add(row: UsageRow): void {
    this.rowCount++;
    const sku = row.sku ?? '';
    const key = lineKey(row.tenantId, row.offeringItem, row.edition, row.backendType, sku);
    let entry = this.entries.get(key);
    if (!entry) {
      const figure = this.figureFor(row.offeringItem, row.tenantKind);
      const dot = figure.indexOf('.');
      entry = {
        measure: figure.slice(0, dot) as FigureMeasure,
        part: figure.slice(dot + 1) as FigurePart,
        tenantId: own(row.tenantId),
        tenantName: row.tenantName === null ? null : own(row.tenantName),
        tenantKind: own(row.tenantKind),
        offeringItem: own(row.offeringItem),
        edition: own(row.edition),
        backendType: own(row.backendType),
        sku: own(sku),
        rawUnit: own(row.unit),
        figure,
        raw: 0,
        rows: 0,
        firstInfra: own(row.infraId),
        firstValue: 0,
        byInfra: null,
      };
      this.entries.set(own(key), entry);
    } else if (entry.tenantName === null && row.tenantName !== null) {
      entry.tenantName = own(row.tenantName);
    }
    const amounts = row[entry.measure];
    const value = amounts ? amounts[entry.part] : null;
    if (value === null) {
      throw new Error(
        `The usage row of tenant ${row.tenantId}, offering item ${row.offeringItem}, has no ${entry.figure.split('.')[0]} ` +
          `figures (is it a usage_daily report?), so ${entry.figure} cannot be billed. Use a usage_summary or ` +
          'usage_current report, or choose another figure.',
      );
    }
    entry.rows++;
    if (entry.rows === 1) {
      entry.firstValue = value;
      return;
    }
    if (!entry.byInfra) {
      if (row.infraId === entry.firstInfra) {
        entry.firstValue = value;
        return;
      }
      entry.byInfra = new Map([[entry.firstInfra, entry.firstValue]]);
    }
    if (entry.byInfra.has(row.infraId)) entry.byInfra.set(row.infraId, value);
    else entry.byInfra.set(own(row.infraId), value);
  }

  get rows(): number {
    return this.rowCount;
  }

  /** The sums, in the order the lines first appeared. */
  sums(): LineSum[] {
    const out: LineSum[] = [];
    for (const entry of this.entries.values()) {
      let raw = entry.firstValue;
      if (entry.byInfra) {
        raw = 0;
        for (const value of entry.byInfra.values()) raw += value;
      }
      const { firstInfra: _infra, firstValue: _value, byInfra: _map, measure: _measure, part: _part, ...sum } = entry;
      out.push({ ...sum, raw });
    }
    return out;
  }

  private figureFor(offeringItem: string, tenantKind: string): Figure {
    if (this.figure === undefined) return defaultFigure(offeringItem, tenantKind);
    return typeof this.figure === 'function' ? this.figure(offeringItem, tenantKind) : this.figure;
  }
}
