import type { Report } from '../types.js';
import { validateId } from '../validation.js';
import { call, type CallOptions, type ClientContext } from './context.js';

export async function getReport(ctx: ClientContext, reportId: string, options: CallOptions = {}): Promise<Report> {
  const id = validateId(reportId, 'reportId');
  return call(ctx, 'getReport', () => ctx.api.GET('/reports/{report_id}', { params: { path: { report_id: id } }, signal: options.signal }));
}
