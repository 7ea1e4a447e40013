// The billing tools: create the month's billing report and wait for it, read its billing lines a page of tenants
// at a time, and the month at a glance. The reading tools never create a report.
import { z } from 'zod';
import { billingLinesPage, summarizeBillingLines, type BillingLine } from '@acronis-reports/core';
import { levelSchema, monthSchema, tenantIdSchema } from '../field-schemas.js';
import { linesInput, monthLines, sourceOf, waitText, type MonthLines } from '../month-lines.js';
import { billingLineSchema, reportSchema, sourceSchema, storedFileSchema } from '../shapes.js';
import { defineTool } from '../tool-kit.js';
import { reportLine } from './reports.js';

/** Lists in a result are cut here; the counts say how many there are. */
const LISTED = 10;

const money = (value: number | null) => (value === null ? '-' : value.toFixed(2));
const who = (line: Pick<BillingLine, 'customer_ref' | 'tenant_name' | 'tenant_id'>) => line.customer_ref ?? line.tenant_name ?? line.tenant_id;
const what = (line: BillingLine) => [line.product_code ?? line.offering_item, line.edition, line.backend_type, line.sku].filter(Boolean).join(' / ');

const countsSchema = z.object({ rows: z.number(), tenants: z.number(), zeroLeftOut: z.number(), ignored: z.number() });
const flagsSchema = z.object({ new: z.number(), gone: z.number(), changed: z.number(), unchanged: z.number() }).nullable();
const exceptionSchema = z.object({
  reason: z.enum(['unmapped_tenant', 'unmapped_product']),
  tenant_id: z.string(),
  tenant_name: z.string().nullable(),
  offering_item: z.string(),
  edition: z.string(),
  backend_type: z.string(),
  sku: z.string(),
  message: z.string(),
});

/** What both line tools say of their lines: the month, the reports read, the counts, what the mapping left over. */
const provenanceShape = {
  month: z.string().nullable(),
  source: sourceSchema,
  previous: sourceSchema.nullable(),
  counts: countsSchema,
  exceptionsTotal: z.number(),
  exceptions: z.array(exceptionSchema),
  notes: z.array(z.string()),
};

function provenanceOf({ month, result, notes }: MonthLines) {
  return {
    month,
    source: sourceOf(result.source)!,
    previous: sourceOf(result.previous),
    counts: result.counts,
    exceptionsTotal: result.exceptions.length,
    exceptions: result.exceptions.slice(0, LISTED),
    notes,
  };
}

export const createBillingReport = defineTool({
  name: 'create_billing_report',
  title: 'Create the billing report of a month',
  description:
    "Creates the vendor's billing report for a month (a one-time usage_summary at direct_partners in csv_v2_0 and json_v2_0, zero usage hidden, SKUs shown, saved) and waits until its files are generated, with progress notifications while it waits (usually one to two minutes). The report stays, so billing_lines and month_summary read it afterwards.",
  effect: 'create',
  input: {
    month: monthSchema.optional().describe('The month, YYYY-MM (default: the last full month). A month that has not ended is refused.'),
    tenantId: tenantIdSchema.optional(),
    level: levelSchema.optional(),
    wait: z.boolean().optional().describe('Wait for the files (default true); false returns right after the create.'),
  },
  output: { report: reportSchema, ready: z.boolean(), files: z.array(storedFileSchema) },
  async run({ month, tenantId, level, wait = true }, { client, progress, signal }) {
    progress(`Creating the billing report${month ? ` of ${month}` : ''}`);
    const report = await client.createBillingReport({ signal, ...(month ? { month } : {}), ...(tenantId ? { tenantId } : {}), ...(level ? { level } : {}) });
    progress(`Created report ${report.id}`);
    const files = wait ? await client.waitForStoredReports(report.id, { signal, report, onProgress: (state) => progress(waitText(state)) }) : [];
    const state = wait ? `Files ready: ${files.map((file) => `${file.report_format} (${file.size ?? '?'} bytes)`).join(', ')}.` : 'Not waited for: list_stored_files shows the files as they are generated.';
    return { data: { report, ready: wait, files }, text: `Created ${reportLine(report)}\n${state}` };
  },
});

export const billingLines = defineTool({
  name: 'billing_lines',
  title: 'Billing lines of a month',
  description:
    "Invoice-ready billing lines of a month (one quantity per tenant, offering item, edition, backend type and SKU), read from the month's stored billing report, mapped to customer references, product codes and prices when a mapping is given, and compared with the month before. Returns a few tenants at a time: call again with nextOffset for the rest, or name tenants (id, name or customer reference).",
  effect: 'read',
  input: {
    ...linesInput,
    tenants: z.array(z.string().min(1)).max(50).optional().describe('Only these tenants: tenant id, tenant name or customer reference (case-insensitive).'),
    offset: z.number().int().min(0).optional().describe('Tenants to skip: the nextOffset of the previous page (default 0).'),
    limit: z.number().int().min(1).max(20).optional().describe('Tenants per page (default 5, at most 20); a tenant is never split.'),
  },
  output: {
    ...provenanceShape,
    flags: flagsSchema,
    tenants: z.object({ total: z.number(), offset: z.number(), returned: z.number(), nextOffset: z.number().nullable() }),
    unmatchedTenants: z.array(z.string()),
    lines: z.array(billingLineSchema),
  },
  async run(args, context) {
    const found = await monthLines(context.client, args, context.settings, context);
    const { month, result, notes } = found;
    const page = billingLinesPage(result.lines, { ...(args.tenants ? { tenants: args.tenants } : {}), offset: args.offset ?? 0, limit: args.limit ?? 5 });
    const summary = summarizeBillingLines(result.lines, { top: 0 });
    if (result.unusedMapping.length > 0) notes.push(`${result.unusedMapping.length} mapping entries matched nothing.`);
    const text = [
      `${result.lines.length} billing lines for ${result.counts.tenants} tenants${month ? ` in ${month}` : ''} (report ${result.source.report.id}).`,
      summary.flags ? `Since the month before: ${summary.flags.new} new, ${summary.flags.gone} gone, ${summary.flags.changed} changed beyond the threshold.` : '',
      page.tenants.returned === 0
        ? `No lines on this page${page.unmatched.length > 0 ? `; no tenant matched ${page.unmatched.join(', ')}` : ''}.`
        : `Tenants ${page.tenants.offset + 1} to ${page.tenants.offset + page.tenants.returned} of ${page.tenants.total}:`,
      ...page.lines.map((line) => `  ${who(line)}: ${what(line)} ${line.quantity} ${line.unit}${line.amount === null ? '' : ` = ${money(line.amount)}`}${line.flag ? ` [${line.flag}]` : ''}`),
      page.tenants.nextOffset === null ? '' : `More: call again with offset ${page.tenants.nextOffset}.`,
      ...notes,
    ].filter(Boolean);
    return {
      data: { ...provenanceOf(found), flags: summary.flags, tenants: page.tenants, unmatchedTenants: page.unmatched, lines: page.lines },
      text: text.join('\n'),
    };
  },
});

const customerSchema = z.object({ tenant_id: z.string(), tenant_name: z.string().nullable(), customer_ref: z.string().nullable(), lines: z.number(), amount: z.number().nullable(), flagged: z.number() });
const itemSchema = z.object({ offering_item: z.string(), product_code: z.string().nullable(), unit: z.string(), quantity: z.number(), tenants: z.number(), amount: z.number().nullable() });

export const monthSummary = defineTool({
  name: 'month_summary',
  title: 'Summary of a billing month',
  description:
    "A month at a glance, from the same billing lines as billing_lines: the top customers and top items (by amount when a mapping gives prices, otherwise by size), the biggest changes since the month before, and the counts. Start a billing review here, then ask billing_lines for the customers that need a closer look.",
  effect: 'read',
  input: { ...linesInput, top: z.number().int().min(1).max(25).optional().describe('How many customers, items and changes to list (default 10).') },
  output: {
    ...provenanceShape,
    rankedBy: z.enum(['amount', 'size']),
    totals: z.object({ lines: z.number(), tenants: z.number(), amount: z.number().nullable() }),
    flags: flagsSchema,
    customers: z.array(customerSchema),
    items: z.array(itemSchema),
    changes: z.array(billingLineSchema),
  },
  async run(args, context) {
    const found = await monthLines(context.client, args, context.settings, context);
    const { month, result, notes } = found;
    const summary = summarizeBillingLines(result.lines, { top: args.top ?? 10 });
    const text = [
      `${month ?? 'Report'}: ${summary.totals.lines} lines for ${summary.totals.tenants} tenants${summary.totals.amount === null ? '' : `, amount ${money(summary.totals.amount)}`}.`,
      `Top customers (by ${summary.rankedBy}): ${summary.customers.map((c) => `${who(c)} (${c.lines} lines${c.amount === null ? '' : `, ${money(c.amount)}`})`).join('; ')}.`,
      `Top items: ${summary.items.map((i) => `${i.product_code ?? i.offering_item} ${i.quantity} ${i.unit} over ${i.tenants} tenants`).join('; ')}.`,
      summary.flags
        ? `Since the month before: ${summary.flags.new} new, ${summary.flags.gone} gone, ${summary.flags.changed} changed. Biggest: ${summary.changes.map((l) => `${who(l)} ${what(l)} ${l.flag} ${l.previous_quantity ?? '-'} -> ${l.quantity}`).join('; ') || 'none'}.`
        : '',
      result.exceptions.length > 0 ? `${result.exceptions.length} lines the mapping could not map.` : '',
      ...notes,
    ].filter(Boolean);
    return {
      data: { ...provenanceOf(found), ...summary },
      text: text.join('\n'),
    };
  },
});
