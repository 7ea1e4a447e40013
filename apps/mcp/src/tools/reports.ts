// The report tools: each a description plus one core call.
import { z } from 'zod';
import { createdAtMs, type Report } from '@acronis-reports/core';
import { createFieldsShape, idSchema, tenantIdSchema, updateFieldsShape } from '../field-schemas.js';
import { reportSchema, storedFileSchema } from '../shapes.js';
import { defineTool } from '../tool-kit.js';

const reportId = idSchema('The report (UUID), as list_reports or create_report return it.');
const pageLimit = (most: number, fallback: number) => z.number().int().min(1).max(most).optional().describe(`How many to return (default ${fallback}, at most ${most}).`);
const pageOffset = z.number().int().min(0).optional().describe('How many to skip: the nextOffset of the previous page (default 0).');

/** One line per report, for people. */
export function reportLine(report: Report): string {
  const { kind, level, period, formats } = report.parameters;
  const when = report.schedule?.type === 'monthly' ? `monthly${report.schedule.enabled === false ? ' (paused)' : ''}` : period ? `${period.start} to ${period.end}` : 'once';
  return `${report.id} v${report.version}: ${kind} at ${level}, ${when}, ${report.result_action}${formats?.length ? ` as ${formats.join(', ')}` : ''}`;
}

export const listReports = defineTool({
  name: 'list_reports',
  title: 'List reports',
  description: "The reports of a tenant (default: the API client's own), a page at a time: each with its kind, level, period, schedule and formats.",
  effect: 'read',
  input: { tenantId: tenantIdSchema.optional(), offset: pageOffset, limit: pageLimit(50, 20) },
  output: { total: z.number(), offset: z.number(), nextOffset: z.number().nullable(), reports: z.array(reportSchema) },
  async run({ tenantId, offset = 0, limit = 20 }, { client, signal }) {
    const { reports, total, nextOffset } = await client.reportPage(tenantId, { offset, limit, signal });
    const more = nextOffset === null ? '' : `\nMore: call again with offset ${nextOffset}.`;
    return {
      data: { total, offset, nextOffset, reports },
      text: `${total} reports; ${reports.length} from ${offset}:\n${reports.map(reportLine).join('\n')}${more}`,
    };
  },
});

export const getReport = defineTool({
  name: 'get_report',
  title: 'Get a report',
  description: 'One report: its parameters, schedule, recipients and version (the version is what a delete checks).',
  effect: 'read',
  input: { reportId },
  output: { report: reportSchema },
  async run({ reportId: id }, { client, signal }) {
    const report = await client.getReport(id, { signal });
    return { data: { report }, text: reportLine(report) };
  },
});

export const listStoredFiles = defineTool({
  name: 'list_stored_files',
  title: 'List stored files',
  description:
    'The files the data center generated for a report, newest first: format, status (in_progress, saved, failed), compressed size and time. A monthly report adds a set every month. The files themselves are not returned.',
  effect: 'read',
  input: { reportId, offset: pageOffset, limit: pageLimit(100, 20) },
  output: { reportId: z.string(), total: z.number(), offset: z.number(), nextOffset: z.number().nullable(), files: z.array(storedFileSchema) },
  async run({ reportId: id, offset = 0, limit = 20 }, { client, signal }) {
    const all = (await client.listStoredReports(id, { signal })).sort((a, b) => createdAtMs(b) - createdAtMs(a));
    const files = all.slice(offset, offset + limit);
    const nextOffset = offset + limit < all.length ? offset + limit : null;
    const lines = files.map((file) => `${file.id} ${file.report_format} ${file.status} ${file.size ?? '?'} bytes, ${file.created_at}`);
    return { data: { reportId: id, total: all.length, offset, nextOffset, files }, text: `${all.length} stored files.\n${lines.join('\n')}` };
  },
});

export const createReport = defineTool({
  name: 'create_report',
  title: 'Create a report',
  description:
    "Creates a report from flat fields; empty fields get core's defaults (a one-time usage_summary at direct_partners, saved, for the API client's own tenant). Give month, or periodStart and periodEnd. Every value is checked before anything is sent.",
  effect: 'create',
  input: createFieldsShape,
  output: { report: reportSchema },
  async run(fields, { client, signal }) {
    const report = await client.createReportFromFields(fields, { signal });
    return { data: { report }, text: `Created ${reportLine(report)}` };
  },
});

export const updateReport = defineTool({
  name: 'update_report',
  title: 'Update a report',
  description: 'Changes a scheduled (monthly) report: only the fields given are sent. enabled false pauses it. One-time reports cannot be changed.',
  effect: 'change',
  input: { reportId, ...updateFieldsShape },
  output: { report: reportSchema },
  async run({ reportId: id, ...fields }, { client, signal }) {
    const report = await client.updateReportFromFields(id, fields, { signal });
    return { data: { report }, text: `Updated ${reportLine(report)}` };
  },
});

export const deleteReport = defineTool({
  name: 'delete_report',
  title: 'Delete a report',
  description: 'Deletes a report and its stored files. Give version to delete only if nobody changed the report since you read it; without it the current version is looked up.',
  effect: 'delete',
  input: { reportId, version: z.number().int().min(0).optional().describe('The version get_report showed; the delete is refused if the report changed since.') },
  output: { deleted: z.string() },
  async run({ reportId: id, version }, { client, signal }) {
    await client.deleteReport(id, { signal, ...(version !== undefined ? { version } : {}) });
    return { data: { deleted: id }, text: `Deleted report ${id}.` };
  },
});
