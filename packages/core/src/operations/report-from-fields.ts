import { buildCreateRequest, buildUpdateChanges, needsOwnTenant, type ReportFieldOptions, type ReportFields, type ReportUpdateFields } from '../fields/report-fields.js';
import type { Report } from '../types.js';
import { todayUtc } from '../validation.js';
import type { CallOptions, ClientContext } from './context.js';
import { createReport, updateReport } from './reports.js';
import { getOwnTenantId } from './tenants.js';

export type FieldCallOptions = ReportFieldOptions & CallOptions;

/** Stands in for the tenant while the fields are checked, before the real one is looked up. */
const anyTenant = '00000000-0000-4000-8000-000000000000';

/** A report from flat fields; with no tenant given, in the API client's own tenant. Bad fields send nothing. */
export async function createReportFromFields(ctx: ClientContext, fields: ReportFields, options: FieldCallOptions = {}): Promise<Report> {
  const { labels, base, signal } = options;
  const today = () => todayUtc(ctx.runtime.now());
  const check = (ownTenantId: string) => buildCreateRequest(fields, { labels, base, ownTenantId, today: today() });
  let request = check(anyTenant);
  if (needsOwnTenant(fields, base)) request = check(await getOwnTenantId(ctx, signal ? { signal } : {}));
  return createReport(ctx, request, signal ? { signal } : {});
}

/** A scheduled report changed by flat fields: only what was filled in is sent. */
export async function updateReportFromFields(ctx: ClientContext, reportId: string, fields: ReportUpdateFields, options: FieldCallOptions = {}): Promise<Report> {
  const { labels, base, signal } = options;
  return updateReport(ctx, reportId, buildUpdateChanges(fields, { labels, base }), signal ? { signal } : {});
}
