import { ConflictError, CreateOutcomeUnknownError, NetworkError, NotFoundError } from '../errors.js';
import type { Report, ReportCreateRequest, ReportUpdateRequest } from '../types.js';
import { todayUtc, validateCreateRequest, validateId, validateUpdateRequest, validateVersion } from '../validation.js';
import { call, type CallOptions, type ClientContext } from './context.js';
import { createRecoveringLostAnswer } from './create-recovery.js';
import { getReport } from './get-report.js';

export { getReport };

export async function createReport(ctx: ClientContext, input: ReportCreateRequest, options: CallOptions = {}): Promise<Report> {
  return sendCreate(ctx, validateCreateRequest(input, todayUtc(ctx.runtime.now())), options);
}

/** Creates a report from a body already checked by `validateCreateRequest` (or built by `billingReportRequest`). */
export async function sendCreate(ctx: ClientContext, body: ReportCreateRequest, options: CallOptions = {}): Promise<Report> {
  const send = () => call(ctx, 'createReport', () => ctx.api.POST('/reports', { body, signal: options.signal }));
  if (ctx.recoverLostCreates) return createRecoveringLostAnswer(ctx, body, send, options);
  try {
    return await send();
  } catch (error) {
    if (!(error instanceof NetworkError)) throw error;
    const tenantId = body.parameters.tenant_id;
    throw new CreateOutcomeUnknownError({
      tenantId,
      message: `${error.summary} The report may have been created (recovery of lost creates is off).`,
      hint: `Before creating it again, look for a new report of tenant ${tenantId}.`,
      cause: error,
    });
  }
}

export async function updateReport(ctx: ClientContext, reportId: string, changes: ReportUpdateRequest, options: CallOptions = {}): Promise<Report> {
  const id = validateId(reportId, 'reportId');
  const body = validateUpdateRequest(changes);
  return call(ctx, 'updateReport', () => ctx.api.PUT('/reports/{report_id}', { params: { path: { report_id: id } }, body, signal: options.signal }));
}

export interface DeleteOptions extends CallOptions {
  /** The version to delete. Given: sent as is, never replaced. Omitted: looked up, and looked up again once if it changes meanwhile. */
  version?: number;
}

export async function deleteReport(ctx: ClientContext, reportId: string, options: DeleteOptions = {}): Promise<void> {
  const id = validateId(reportId, 'reportId');
  const send = (version: number) =>
    call(ctx, 'deleteReport', () => ctx.api.DELETE('/reports/{report_id}', { params: { path: { report_id: id }, query: { version } }, signal: options.signal }));
  if (options.version !== undefined) {
    await send(validateVersion(options.version));
    return;
  }
  for (let attempt = 0; ; attempt += 1) {
    const { version } = await getReport(ctx, id, options);
    try {
      await send(version);
      return;
    } catch (error) {
      // The report existed a moment ago: gone now is what was asked (a retried DELETE lands here too).
      if (error instanceof NotFoundError) return;
      if (!(error instanceof ConflictError) || attempt > 0) throw error;
    }
  }
}
