// Streams a report file as string chunks, so a caller can pipe it through gzip whatever its size.

import type { ReportFileRequest, Tenant, TenantTree } from './types.js';
import { syntheticCustomers } from './fillers.js';
import { createWriter } from './formats/index.js';
import type { FormatWriter } from './formats/index.js';
import { planReport, rowsOf } from './rows.js';
import type { UsageRow } from './rows.js';
import { Sink } from './sink.js';
import { extraBytesOf, isAscii, isAsciiTenant } from './utf8.js';

/** Stop padding if this many synthetic customers in a row add no rows (e.g. a period before any usage). */
const MAX_EMPTY_FILLERS = 10_000;

/** How to size a tenant's rows: as ASCII, by counting the characters of its name, or by measuring them. */
type RowSize = 'ascii' | ((row: string) => number) | null;

/** What one rendering writes with. */
interface Output {
  sink: Sink;
  writer: FormatWriter;
  rows: (tenant: Tenant) => Iterable<UsageRow>;
  /** One row per item and day, so a tenant's block can be of any length. */
  dated: boolean;
}

function writeRow(sink: Sink, text: string, size: RowSize): void {
  if (size === 'ascii') sink.write(text);
  else if (size === null) sink.writeMeasured(text);
  else sink.writeCounted(text, size(text));
}

/**
 * Writes one tenant's block; returns how many rows it wrote. Full chunks wait in the sink: fine for blocks of
 * one row per item, while the blocks of dated reports go through `renderDatedTenant`.
 */
function writeTenant(out: Output, tenant: Tenant, size: RowSize): number {
  let rows = 0;
  out.sink.writeMeasured(out.writer.tenantStart(tenant));
  for (const row of out.rows(tenant)) {
    rows++;
    writeRow(out.sink, out.writer.row(row), size);
  }
  out.sink.writeMeasured(out.writer.tenantEnd(tenant));
  return rows;
}

/** `writeTenant` handing out chunks as they fill, whatever the length of the period. */
function* renderDatedTenant(out: Output, tenant: Tenant, size: RowSize): Generator<string, number> {
  let rows = 0;
  out.sink.writeMeasured(out.writer.tenantStart(tenant));
  for (const row of out.rows(tenant)) {
    rows++;
    writeRow(out.sink, out.writer.row(row), size);
    if (out.sink.ready.length > 0) yield* drain(out.sink);
  }
  out.sink.writeMeasured(out.writer.tenantEnd(tenant));
  return rows;
}

/** Writes one tenant's block and hands out the chunks that filled; returns how many rows it wrote. */
function* renderTenant(out: Output, tenant: Tenant, size: RowSize): Generator<string, number> {
  // Not a generator per block of one row per item: at half a million customers per gigabyte, that shows.
  const rows = out.dated ? yield* renderDatedTenant(out, tenant, size) : writeTenant(out, tenant, size);
  if (out.sink.ready.length > 0) yield* drain(out.sink);
  return rows;
}

function* drain(sink: Sink): Generator<string> {
  for (const chunk of sink.ready) yield chunk;
  sink.ready.length = 0;
}

/** Synthetic customers hang under the report's tenant, or under its parent when the tenant is a customer. */
function fillerParent(tree: TenantTree, tenant: Tenant): Tenant {
  if (tenant.kind !== 'customer' || tenant.parentId === null) return tenant;
  return tree.byId.get(tenant.parentId) ?? tenant;
}

/**
 * Renders one stored report file. A synchronous generator of string chunks (each well under 64 KB); the same
 * request always gives the same bytes. With `targetBytes`, synthetic customers (distinct names, ids, items and
 * numbers, drawn from the seed) follow the real tenants until the UTF-8 size reaches the target; memory stays
 * flat whatever the size, as nothing is kept beyond the chunk being built.
 */
export function* renderReportFile(request: ReportFileRequest): Generator<string> {
  const plan = planReport(request);
  const target = request.targetBytes ?? 0;
  if (!(Number.isFinite(target) && target >= 0)) {
    throw new RangeError(`targetBytes must be a finite, non-negative number, not ${String(request.targetBytes)}`);
  }
  const out: Output = { sink: new Sink(), writer: createWriter(plan), rows: rowsOf(plan), dated: plan.dated };
  const { sink } = out;

  sink.writeMeasured(out.writer.begin());
  for (const tenant of plan.tenants) yield* renderTenant(out, tenant, isAsciiTenant(tenant) ? 'ascii' : null);

  if (target > 0) {
    const fillers = syntheticCustomers(request.tree, fillerParent(request.tree, plan.tenant), request.seed, plan.accounts);
    let empty = 0;
    for (let index = 0; sink.bytes < target && empty < MAX_EMPTY_FILLERS; index++) {
      const tenant = fillers.customer(index);
      // The formats add only ASCII of their own (see isAsciiTenant): a filler's rows hold no other characters
      // than ASCII and those of its name.
      const size = !fillers.asciiButNames ? null : isAscii(tenant.name) ? 'ascii' : extraBytesOf(tenant.name);
      const rows = out.dated ? yield* renderDatedTenant(out, tenant, size) : writeTenant(out, tenant, size);
      if (sink.ready.length > 0) yield* drain(sink);
      empty = rows === 0 ? empty + 1 : 0;
    }
  }

  sink.writeMeasured(out.writer.end());
  sink.flush();
  yield* drain(sink);
}
