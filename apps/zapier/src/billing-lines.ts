// Billing lines as Zapier line items: the inputs a Zap gives (mapping as JSON text, a figure, a customer filter),
// read into core's options, and the answer sized for Zapier (a step's output is the next step's input, at most 6 MB).
import { FIGURES, type BillingLine, type ReportBillingLines } from '@acronis-reports/core';
import type { ZObject } from 'zapier-platform-core';
import { booleanInput, textInput } from './fields.js';

/** Zapier refuses a step input over 6 MB; the answer is the next step's input, so it is kept under this (tests lower it). */
export const answerLimits = { maxBytes: 5_500_000 };

export const figureChoices = FIGURES.map((figure) => ({ value: figure, label: figure, sample: figure }));

const fail = (z: ZObject, message: string) => new z.errors.Error(message, 'validation');

/** The mapping field: a JSON object as in the mapping file (`customers`, `products`), or nothing. */
export function mappingInput(z: ZObject, value: unknown): unknown {
  if (value !== null && typeof value === 'object') return value;
  const text = textInput(value);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw fail(z, `Mapping (JSON) is not JSON (${(error as Error).message}). Give an object such as {"customers": {"<tenant id>": "ACME-001"}, "products": [{"offering_item": "storage", "product_code": "BK-STOR", "unit_price": 0.05}]}, or leave it empty.`);
  }
}

/** The change threshold in percent, or nothing for core's default (25). */
export function thresholdInput(z: ZObject, value: unknown): number | undefined {
  const text = textInput(value);
  if (text === undefined) return undefined;
  const threshold = Number(text);
  if (!Number.isFinite(threshold) || threshold <= 0) throw fail(z, `Change Threshold (%) must be a number above 0, got "${text}".`);
  return threshold;
}

/** A boolean field whose value must be yes or no when given. */
export function strictBoolean(z: ZObject, label: string, value: unknown): boolean | undefined {
  const parsed = booleanInput(value);
  if (parsed === undefined && textInput(value) !== undefined) throw fail(z, `${label} must be yes or no, got "${String(value)}".`);
  return parsed;
}

/** The lines of one customer: its tenant id or its reference in the mapping. */
export function linesOfCustomer(lines: BillingLine[], customer: string | undefined): BillingLine[] {
  return customer === undefined ? lines : lines.filter((line) => line.tenant_id === customer || line.customer_ref === customer);
}

const sum = (values: number[]) => Math.round(values.reduce((total, value) => total + value, 0) * 100) / 100;

/** One search result: the report, totals a Zap can use in an invoice header, and the lines as line items. */
export function linesAnswer(result: ReportBillingLines, lines: BillingLine[]) {
  const priced = lines.filter((line) => line.amount !== null);
  const tenants = new Set(lines.map((line) => line.tenant_id));
  const exceptions = result.exceptions.filter((exception) => tenants.has(exception.tenant_id));
  const period = result.source.report.parameters.period;
  return {
    id: result.source.report.id,
    report_id: result.source.report.id,
    stored_report_id: result.source.storedReport.id,
    file_format: result.source.storedReport.report_format,
    period_start: period?.start ?? null,
    period_end: period?.end ?? null,
    compared_with_report_id: result.previous?.report.id ?? null,
    line_count: lines.length,
    total_amount: priced.length > 0 ? sum(priced.map((line) => line.amount!)) : null,
    exception_count: exceptions.length,
    exceptions: exceptions.map((exception) => exception.message).join('; '),
    unused_mapping: result.unusedMapping.map((entry) => `${entry.field}: ${entry.message}`).join('; '),
    lines,
  };
}

/** Refuses an answer Zapier could not hand to the next step, with what to do instead. */
export function checkAnswerSize(z: ZObject, answer: ReturnType<typeof linesAnswer>): void {
  const bytes = Buffer.byteLength(JSON.stringify(answer));
  if (bytes <= answerLimits.maxBytes) return;
  throw fail(
    z,
    `The ${answer.line_count} billing lines take ${(bytes / 1e6).toFixed(1)} MB, more than Zapier passes to the next step (6 MB). ` +
      'Set Customer to get one customer\u2019s lines (Looping by Zapier can run the Zap once per customer), or leave items out with "ignore" rules in the mapping.',
  );
}
