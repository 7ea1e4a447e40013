// Streams a report file as string chunks, so a caller can pipe it through gzip whatever its size.

import type { ReportFileRequest, Tenant, TenantTree } from './types.js';
import { createWriter } from './formats/index.js';
import type { FormatWriter } from './formats/index.js';
import { planReport, tenantRows } from './rows.js';
import type { ReportPlan } from './rows.js';
import { infrastructuresOf, syntheticCustomer } from './tenants.js';

/** Chunks are flushed at this many UTF-16 units; no single piece is more than a few kB, so chunks stay < 64 KB. */
const CHUNK_CHARS = 48 * 1024;
/** Stop padding if this many synthetic customers in a row add no rows (e.g. a period before any usage). */
const MAX_EMPTY_FILLERS = 10_000;

const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes of `text` in UTF-8 (a lone surrogate counts as the 3-byte replacement character). */
export function utf8Length(text: string): number {
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) {
      bytes += 1;
    } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      // A surrogate pair: 2 units, 4 bytes.
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      bytes += 2;
    } else {
      bytes += 2;
    }
  }
  return bytes;
}

/** Collects pieces into the chunk being built and counts the UTF-8 bytes written so far. */
class Sink {
  chunk = '';
  bytes = 0;

  write(piece: string): void {
    if (piece === '') return;
    this.chunk += piece;
    this.bytes += utf8Length(piece);
  }

  get full(): boolean {
    return this.chunk.length >= CHUNK_CHARS;
  }

  take(): string {
    const chunk = this.chunk;
    this.chunk = '';
    return chunk;
  }
}

/** Writes one tenant's block, yielding chunks as they fill; returns how many rows it wrote. */
function* renderTenant(sink: Sink, writer: FormatWriter, plan: ReportPlan, tenant: Tenant): Generator<string, number> {
  let rows = 0;
  sink.write(writer.tenantStart(tenant));
  for (const row of tenantRows(plan, tenant)) {
    rows++;
    sink.write(writer.row(row));
    if (sink.full) yield sink.take();
  }
  sink.write(writer.tenantEnd(tenant));
  return rows;
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
  const writer = createWriter(plan);
  const sink = new Sink();

  sink.write(writer.begin());
  for (const tenant of plan.tenants) yield* renderTenant(sink, writer, plan, tenant);

  if (target > 0) {
    const parent = fillerParent(request.tree, plan.tenant);
    const infra = infrastructuresOf(request.tree);
    let empty = 0;
    for (let index = 0; sink.bytes < target && empty < MAX_EMPTY_FILLERS; index++) {
      const tenant = syntheticCustomer(request.tree, parent, infra, request.seed, index);
      const rows = yield* renderTenant(sink, writer, plan, tenant);
      empty = rows === 0 ? empty + 1 : 0;
    }
  }

  sink.write(writer.end());
  if (sink.chunk !== '') yield sink.take();
}
