// From usage rows to finished billing lines: sum per line, convert and round, leave out zeros, compare with last
// month, map, sort. Rows are consumed as they come; memory holds the lines, not the file.

import { usageRowBatches } from '../download/usage-batches.js';
import type { UsageFormat, UsageRow } from '../download/usage-row.js';
import { LineAggregator } from './aggregate.js';
import { applyMapping, type UnusedMappingEntry } from './apply-mapping.js';
import { compareWithPrevious, DEFAULT_CHANGE_THRESHOLD } from './compare.js';
import type { FigureChoice } from './figure.js';
import { parseBillingMapping, type BillingMapping } from './mapping.js';
import { compareLines, lineOf } from './lines.js';
import type { BillingLine, BillingLineException } from './types.js';

export interface BillingLinesOptions {
  /** The figure to bill, for every line or per item and tenant kind; default: the vendor module's (see defaultFigure). */
  figure?: FigureChoice;
  /** Keep lines whose quantity rounds to 0 (left out by default). */
  includeZero?: boolean;
  /** A mapping: a checked one (parseBillingMapping) or the parsed JSON, checked here. */
  mapping?: BillingMapping | unknown;
  /** Last month's lines (computed the same way, without mapping); fills the change columns and flags. */
  previous?: readonly BillingLine[];
  /** Percent beyond which a change is flagged `changed` (default 25). */
  changeThreshold?: number;
}

export interface BillingLinesResult {
  lines: BillingLine[];
  /** Lines the mapping could not fully map; they are among `lines` too, with empty cells. */
  exceptions: BillingLineException[];
  /** Mapping rules and customers that matched nothing. */
  unusedMapping: UnusedMappingEntry[];
  counts: {
    rows: number;
    tenants: number;
    /** Lines whose quantity rounds to 0, left out. */
    zeroLeftOut: number;
    /** Lines left out by an `ignore` rule. */
    ignored: number;
  };
}

/** A mapping parseBillingMapping already checked (its customers a Map), as opposed to parsed JSON. */
export const isCheckedMapping = (mapping: unknown): mapping is BillingMapping =>
  typeof mapping === 'object' && mapping !== null && 'rules' in mapping && !('products' in mapping) && 'customers' in mapping &&
  ((mapping as BillingMapping).customers === null || (mapping as BillingMapping).customers instanceof Map);

/** Billing lines of usage rows, read in file units (`parseUsageRows(..., { units: 'file' })`). */
export function billingLinesOfRows(rows: AsyncIterable<UsageRow> | Iterable<UsageRow>, options: BillingLinesOptions = {}): Promise<BillingLinesResult> {
  return linesOfBatches(batchesOf(rows), options);
}

async function* batchesOf(rows: AsyncIterable<UsageRow> | Iterable<UsageRow>): AsyncIterable<UsageRow[]> {
  for await (const row of rows) yield [row];
}

async function linesOfBatches(batches: AsyncIterable<UsageRow[]>, options: BillingLinesOptions): Promise<BillingLinesResult> {
  // A bad mapping fails before the file is read.
  const mapping = options.mapping === undefined ? null : isCheckedMapping(options.mapping) ? options.mapping : parseBillingMapping(options.mapping);
  const aggregator = new LineAggregator(options.figure);
  for await (const batch of batches) for (const row of batch) aggregator.add(row);
  const tenants = new Set<string>();
  let lines: BillingLine[] = [];
  let zeroLeftOut = 0;
  for (const sum of aggregator.sums()) {
    tenants.add(sum.tenantId);
    const line = lineOf(sum);
    if (line.quantity === 0 && !options.includeZero) zeroLeftOut++;
    else lines.push(line);
  }
  if (options.previous) lines = compareWithPrevious(lines, options.previous, options.changeThreshold ?? DEFAULT_CHANGE_THRESHOLD);
  let exceptions: BillingLineException[] = [];
  let unusedMapping: UnusedMappingEntry[] = [];
  let ignored = 0;
  if (mapping) ({ lines, exceptions, unused: unusedMapping, ignored } = applyMapping(lines, mapping));
  lines.sort(compareLines);
  return { lines, exceptions, unusedMapping, counts: { rows: aggregator.rows, tenants: tenants.size, zeroLeftOut, ignored } };
}

/** Billing lines of a decompressed csv_v2_0 or json_v2_0 file, streamed. */
export async function billingLinesOfFile(stream: ReadableStream<Uint8Array>, format: UsageFormat, options: BillingLinesOptions = {}): Promise<BillingLinesResult> {
  // A bad mapping fails before the file is read.
  if (options.mapping !== undefined && !isCheckedMapping(options.mapping)) options = { ...options, mapping: parseBillingMapping(options.mapping) };
  // Rows a chunk at a time: each is folded into its line at once and dies young (see usageRowBatches).
  return await linesOfBatches(usageRowBatches(stream, format, { units: 'file' }), options);
}
