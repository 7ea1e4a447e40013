// Output schemas: the API's report and stored-file objects and core's billing lines, as assistants receive them.
import { z } from 'zod';
import { BILLING_LINE_COLUMNS } from '@acronis-reports/core';

export const reportSchema = z.looseObject({
  id: z.string(),
  version: z.number(),
  result_action: z.string(),
  recipients: z.array(z.string()).optional(),
  parameters: z.looseObject({
    tenant_id: z.string(),
    kind: z.string(),
    level: z.string(),
    formats: z.array(z.string()).optional(),
    period: z.object({ start: z.string(), end: z.string() }).optional(),
  }),
  schedule: z.looseObject({ type: z.string(), enabled: z.boolean().optional() }).optional(),
});

export const storedFileSchema = z.looseObject({ id: z.string(), report_format: z.string(), size: z.number().nullable().optional(), created_at: z.string(), status: z.string() });

const cell = z.union([z.string(), z.number(), z.null()]);
/** A billing line with the columns of billing-lines.csv (see core's BillingLine for each one's meaning). */
export const billingLineSchema = z.object(Object.fromEntries(BILLING_LINE_COLUMNS.map((column) => [column, cell])) as Record<(typeof BILLING_LINE_COLUMNS)[number], typeof cell>);

export const sourceSchema = z.object({ reportId: z.string(), storedReportId: z.string(), format: z.string(), period: z.object({ start: z.string(), end: z.string() }).nullable() });
