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
  /** Where the first infra.id's value sits in the aggregator's `values`. */
  slot: number;
  /** infra.id -> its slot in `values`, once a second infra.id shows up. */
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

/**
 * Sums rows into lines without allocating per row, so that nothing a row leaves behind outlives it:
 * - lines are found by tenant, then offering item, then a short scan over edition, backend type and SKU, instead of
 *   a key string built (and hashed) per row;
 * - values live in one Float64Array. A number that is no small integer (bytes mostly are not) is a heap object of
 *   its own in V8; stored into a Map or an object that lives as long as the file, each row's would survive the
 *   young generation and be promoted, to pile up in the old one until a full collection.
 */
export class LineAggregator {
  /** tenant.id -> offering item -> the lines of that pair (editions, backend types, SKUs). */
  private readonly tenants = new Map<string, Map<string, Entry[]>>();
  /** Lines in the order they first appeared. */
  private readonly entries: Entry[] = [];
  private values = new Float64Array(1024);
  private slots = 0;
  private rowCount = 0;
  /** The last row's tenant and its lines: files list a tenant's rows together. */
  private lastTenant = '';
  private lastItems: Map<string, Entry[]> | null = null;

  constructor(private readonly figure?: FigureChoice) {}

  add(row: UsageRow): void {
    this.rowCount++;
    const sku = row.sku ?? '';
    let items = this.lastItems;
    if (items === null || row.tenantId !== this.lastTenant) {
      items = this.tenants.get(row.tenantId) ?? null;
      if (items === null) this.tenants.set(own(row.tenantId), (items = new Map()));
      this.lastTenant = own(row.tenantId);
      this.lastItems = items;
    }
    let lines = items.get(row.offeringItem);
    if (lines === undefined) items.set(own(row.offeringItem), (lines = []));
    let entry: Entry | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.edition === row.edition && line.backendType === row.backendType && line.sku === sku) {
        entry = line;
        break;
      }
    }
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
        slot: this.newSlot(),
        byInfra: null,
      };
      lines.push(entry);
      this.entries.push(entry);
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
      this.values[entry.slot] = value;
      return;
    }
    if (!entry.byInfra) {
      if (row.infraId === entry.firstInfra) {
        this.values[entry.slot] = value;
        return;
      }
      entry.byInfra = new Map([[entry.firstInfra, entry.slot]]);
    }
    const slot = entry.byInfra.get(row.infraId);
    if (slot !== undefined) {
      this.values[slot] = value;
    } else {
      const added = this.newSlot();
      this.values[added] = value;
      entry.byInfra.set(own(row.infraId), added);
    }
  }

  get rows(): number {
    return this.rowCount;
  }

  /** The sums, in the order the lines first appeared. */
  sums(): LineSum[] {
    const out: LineSum[] = [];
    for (const entry of this.entries) {
      let raw = this.values[entry.slot]!;
      if (entry.byInfra) {
        raw = 0;
        for (const slot of entry.byInfra.values()) raw += this.values[slot]!;
      }
      out.push({
        tenantId: entry.tenantId,
        tenantName: entry.tenantName,
        tenantKind: entry.tenantKind,
        offeringItem: entry.offeringItem,
        edition: entry.edition,
        backendType: entry.backendType,
        sku: entry.sku,
        rawUnit: entry.rawUnit,
        figure: entry.figure,
        raw,
        rows: entry.rows,
      });
    }
    return out;
  }

  private newSlot(): number {
    if (this.slots === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    return this.slots++;
  }

  private figureFor(offeringItem: string, tenantKind: string): Figure {
    if (this.figure === undefined) return defaultFigure(offeringItem, tenantKind);
    return typeof this.figure === 'function' ? this.figure(offeringItem, tenantKind) : this.figure;
  }
}
