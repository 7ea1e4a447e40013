import { CreateOutcomeUnknownError, NetworkError, ServerError, TimeoutError } from '../errors.js';
import type { Report, ReportCreateRequest } from '../types.js';
import { backoffMs } from '../transport/retry.js';
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

/** Answers after which the data center may or may not have made the report: worth looking before sending again. */
const lostAnswer = (error: unknown) => error instanceof NetworkError || (error instanceof ServerError && [500, 502, 503, 504].includes(error.status));

/**
 * A create is never retried blindly: a second POST could make a second report. When its answer is lost (a dropped
 * connection, a timeout) or is a 500/502/503, the tenant's reports are compared with a list taken just before:
 * one new matching report that no other create of this client has taken is the one made, and is returned; none
 * proves nothing was made, and the create is sent again within the retry budget; after a timeout none proves
 * nothing (the data center may still be at work), and anything else is said plainly as `CreateOutcomeUnknownError`.
 */
export async function createRecoveringLostAnswer(
  ctx: ClientContext,
  body: ReportCreateRequest,
  send: () => Promise<Report>,
  options: CallOptions,
): Promise<Report> {
  const tenantId = body.parameters.tenant_id;
  const started = ctx.runtime.now();
  for (let retry = 0; ; retry += 1) {
    const before = new Set(await listTenantReportIds(ctx, tenantId, options));
    const sending = track(ctx, send());
    let error: unknown;
    try {
      return claim(ctx, await sending);
    } catch (failure) {
      error = failure;
    }
    if (!lostAnswer(error)) throw error;
    const found = await lookUp(ctx, body, before, options, error as NetworkError | ServerError);
    if (found) return found;
    // Nothing was made. After a timeout that proves nothing: the data center may still make it.
    if (error instanceof TimeoutError) {
      throw new CreateOutcomeUnknownError({
        tenantId,
        message: `${error.summary} No new report has appeared yet, but the data center may still make it.`,
        hint: `Look for a new report of tenant ${tenantId} in a minute before creating it again.`,
        cause: error,
      });
    }
    const delay = backoffMs(ctx.retry, ctx.runtime, retry);
    if (retry >= ctx.retry.maxRetries || ctx.runtime.now() - started + delay > ctx.retry.budgetMs) {
      if (error instanceof ServerError) throw error;
      const lost = error as NetworkError;
      throw new NetworkError({ operation: 'createReport', message: `${lost.summary.replace(/\.$/, '')}; no report was created.`, hint: 'It is safe to create it again.', cause: lost });
    }
    await ctx.runtime.sleep(delay, options.signal);
  }
}

/** Every create of this client in flight, so that a recovery waits for the others' answers before it decides. */
function track(ctx: ClientContext, sending: Promise<Report>): Promise<Report> {
  const settled = sending.then(
    () => undefined,
    () => undefined,
  );
  ctx.createsInFlight.add(settled);
  void settled.then(() => ctx.createsInFlight.delete(settled));
  return sending;
}

/** A report is handed to one caller only. */
function claim(ctx: ClientContext, report: Report): Report {
  ctx.claimedReports.add(report.id);
  return report;
}

async function lookUp(
  ctx: ClientContext,
  body: ReportCreateRequest,
  before: Set<string>,
  options: CallOptions,
  error: NetworkError | ServerError,
): Promise<Report | null> {
  const tenantId = body.parameters.tenant_id;
  let candidates: Report[];
  try {
    // the other creates' answers first: a report one of them got back is theirs, not a candidate
    await Promise.all(ctx.createsInFlight);
    const fresh = (await listTenantReportIds(ctx, tenantId, options)).filter((id) => !before.has(id) && !ctx.claimedReports.has(id));
    candidates = (await Promise.all(fresh.map((id) => getReport(ctx, id, options)))).filter((report) => matches(report, body));
  } catch (lookupFailure) {
    if (options.signal?.aborted) throw lookupFailure;
    throw new CreateOutcomeUnknownError({
      tenantId,
      message: `${error.summary} The report may have been created, and checking the tenant's reports failed too.`,
      hint: `Before creating it again, look for a new report of tenant ${tenantId}.`,
      cause: error,
    });
  }
  // claimed synchronously from here on: two recoveries never take the same report
  const unclaimed = candidates.filter((report) => !ctx.claimedReports.has(report.id));
  if (unclaimed.length === 1) return claim(ctx, unclaimed[0]!);
  if (unclaimed.length === 0) return null;
  throw new CreateOutcomeUnknownError({
    tenantId,
    candidateIds: unclaimed.map((report) => report.id),
    message: `${error.summary} ${unclaimed.length} matching reports appeared meanwhile (${unclaimed.map((r) => r.id).join(', ')}); one of them may be this one.`,
    hint: 'Check the tenant\u2019s reports before creating it again.',
    cause: error,
  });
}
