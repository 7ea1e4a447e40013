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

const text = z.string();
const optionalText = z.string().nullable();
const amount = z.number().nullable();
/** A billing line with the columns of billing-lines.csv; see core's BillingLine for each one's meaning. */
export const billingLineSchema = z.object({
  tenant_id: text,
  tenant_name: optionalText,
  tenant_kind: text,
  offering_item: text,
  edition: text,
  backend_type: text,
  sku: text,
  unit: text,
  quantity: z.number(),
  raw_quantity: z.number(),
  raw_unit: text,
  figure: text,
  customer_ref: optionalText,
  product_code: optionalText,
  unit_price: amount,
  amount,
  previous_quantity: amount,
  change: amount,
  change_percent: amount,
  flag: z.enum(['new', 'gone', 'changed', '']).nullable(),
} satisfies Record<(typeof BILLING_LINE_COLUMNS)[number], z.ZodType>);

export const sourceSchema = z.object({ reportId: z.string(), storedReportId: z.string(), format: z.string(), period: z.object({ start: z.string(), end: z.string() }).nullable() });
