// The two jobs people repeat, as prompts an assistant offers: a month's billing review, and one customer explained.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';

const monthArgument = z.string().regex(/^\d{4}-\d{2}$/).optional().describe('The month, YYYY-MM (default: the last full month).');
const monthWords = (month: string | undefined) => (month ? `the month ${month}` : 'the last full month');
const monthArg = (month: string | undefined) => (month ? `month "${month}"` : 'no month (the last full month)');

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'monthly_billing_review',
    {
      title: 'Monthly billing review',
      description: "Review a month's billing before invoicing: totals, top customers and items, the biggest changes since the month before, and lines the mapping could not map.",
      argsSchema: { month: monthArgument },
    },
    ({ month }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Review the Acronis billing of ${monthWords(month)} before I invoice it.`,
              `1. Call month_summary with ${monthArg(month)} and compare true.`,
              '   If it says there is no stored billing report of the month, tell me and ask before calling create_billing_report (it creates a report at the data center).',
              '2. Summarise: total lines, tenants and amount; the top customers and items; new, gone and changed lines.',
              '3. For each customer among the biggest changes, call billing_lines with that customer in tenants and explain what changed, item by item.',
              '4. List the exceptions (lines the mapping could not map) and what to add to the mapping for them.',
              'Finish with a short list of what needs my attention before invoicing. Do not create, change or delete reports unless I ask.',
            ].join('\n'),
          },
        },
      ],
    }),
  );

  server.registerPrompt(
    'explain_customer_usage',
    {
      title: "Explain a customer's usage",
      description: "What a customer used in a month and how it changed from the month before, line by line, in plain words.",
      argsSchema: { customer: z.string().min(1).describe('The customer: tenant name, tenant id or customer reference.'), month: monthArgument },
    },
    ({ customer, month }) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: [
              `Explain what the customer "${customer}" used in ${monthWords(month)}.`,
              `Call billing_lines with ${monthArg(month)}, tenants ["${customer}"] and compare true.`,
              'If the customer is not found (unmatchedTenants), call month_summary for the same month and suggest the closest customer names.',
              'For each line say the service (offering item, edition, storage backend), the quantity and unit, the amount when priced,',
              'and the change from the month before (new, gone, or the percentage). Point out anything unusual. Keep it short and plain.',
            ].join('\n'),
          },
        },
      ],
    }),
  );
}
