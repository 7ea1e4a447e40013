// Streams a report file as string chunks, so a caller can pipe it through gzip whatever its size.

import type { ReportFileRequest, Tenant, TenantTree } from './types.js';
import { createWriter } from './formats/index.js';
import type { FormatWriter } from './formats/index.js';
import { planReport, tenantRows } from './rows.js';
import type { ReportPlan } from './rows.js';
import { Sink } from './sink.js';
import { syntheticCustomers } from './tenants.js';
import { isAsciiTenant } from './utf8.js';

/** Stop padding if this many synthetic customers in a row add no rows (e.g. a period before any usage). */
const MAX_EMPTY_FILLERS = 10_000;

/** Writes one tenant's block, handing out chunks as they fill; returns how many rows it wrote. */
function* renderTenant(sink: Sink, writer: FormatWriter, plan: ReportPlan, tenant: Tenant): Generator<string, number> {
  let rows = 0;
  const ascii = isAsciiTenant(tenant);
  sink.writeMeasured(writer.tenantStart(tenant));
  for (const row of tenantRows(plan, tenant)) {
    rows++;
    const text = writer.row(row);
    if (ascii) sink.write(text);
    else sink.writeMeasured(text);
    if (sink.ready.length > 0) yield* drain(sink);
  }
  sink.writeMeasured(writer.tenantEnd(tenant));
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
  const writer = createWriter(plan);
  const sink = new Sink();

  sink.writeMeasured(writer.begin());
  for (const tenant of plan.tenants) yield* renderTenant(sink, writer, plan, tenant);

  if (target > 0) {
    const filler = syntheticCustomers(request.tree, fillerParent(request.tree, plan.tenant), request.seed);
    let empty = 0;
    for (let index = 0; sink.bytes < target && empty < MAX_EMPTY_FILLERS; index++) {
      const rows = yield* renderTenant(sink, writer, plan, filler(index));
      empty = rows === 0 ? empty + 1 : 0;
    }
  }

  sink.writeMeasured(writer.end());
  sink.flush();
  yield* drain(sink);
}
