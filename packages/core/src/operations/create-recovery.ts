import { CreateOutcomeUnknownError, NetworkError, TimeoutError } from '../errors.js';
import type { Report, ReportCreateRequest } from '../types.js';
import type { CallOptions, ClientContext } from './context.js';
import { getReport } from './get-report.js';
import { listTenantReportIds } from './tenants.js';

const sameList = (a: readonly string[] = [], b: readonly string[] = []) => [...a].sort().join() === [...b].sort().join();

function matches(report: Report, body: ReportCreateRequest): boolean {
  const wanted = body.parameters;
  const got = report.parameters;
  return (
    report.result_action === body.result_action &&
    got.tenant_id === wanted.tenant_id &&
    got.kind === wanted.kind &&
    got.level === wanted.level &&
    (wanted.formats === undefined || sameList(got.formats, wanted.formats)) &&
    (wanted.period === undefined || (got.period?.start === wanted.period.start && got.period?.end === wanted.period.end)) &&
    (report.schedule?.type ?? body.schedule.type) === body.schedule.type
  );
}

/**
 * A create is never retried blindly: a second POST could make a second report. When the connection drops after
 * the request went out, the tenant's reports are compared with a list taken just before: one new matching report
 * is the one created; none means nothing was created, unless the request timed out (it may still be at work);
 * anything else is said plainly.
 */
export async function createRecoveringLostAnswer(
  ctx: ClientContext,
  body: ReportCreateRequest,
  send: () => Promise<Report>,
  options: CallOptions,
): Promise<Report> {
  const tenantId = body.parameters.tenant_id;
  const before = new Set(await listTenantReportIds(ctx, tenantId, options));
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    let candidates: Report[];
    try {
      const fresh = (await listTenantReportIds(ctx, tenantId, options)).filter((id) => !before.has(id));
      candidates = (await Promise.all(fresh.map((id) => getReport(ctx, id, options)))).filter((report) => matches(report, body));
    } catch {
      throw new CreateOutcomeUnknownError(
        `${error.summary} The report may have been created, and checking the tenant's reports failed too.`,
        `Before creating it again, look for a new report of tenant ${tenantId}.`,
        { cause: error },
      );
    }
    if (candidates.length === 1) return candidates[0]!;
    if (candidates.length === 0 && error instanceof TimeoutError) {
      // the request was given up, not withdrawn: the data center may still be working on it
      throw new CreateOutcomeUnknownError(
        `${error.summary} No new report has appeared yet, but the data center may still make it.`,
        `Look for a new report of tenant ${tenantId} in a minute before creating it again.`,
        { cause: error },
      );
    }
    if (candidates.length === 0) {
      throw new NetworkError(`${error.summary.replace(/\.$/, '')}; no report was created.`, 'It is safe to create it again.', { cause: error });
    }
    throw new CreateOutcomeUnknownError(
      `${error.summary} ${candidates.length} matching reports appeared meanwhile (${candidates.map((r) => r.id).join(', ')}); one of them may be this one.`,
      'Check the tenant\u2019s reports before creating it again.',
      { cause: error },
    );
  }
}
