import { WaitTimeoutError } from '@acronis-reports/core';
import { defineSearch, type Bundle, type ZObject } from 'zapier-platform-core';
import { reportsClient, toZapierError } from '../client.js';
import { checkAnswerSize, figureChoices, linesAnswer, linesOfCustomer, mappingInput, strictBoolean, thresholdInput } from '../billing-lines.js';
import { reportIdField, textInput } from '../fields.js';
import { billingLinesOutputFields, sampleBillingLines } from '../samples.js';
import { stepTimeLeftMs } from '../step-budget.js';

/** A file still being generated is waited for this long at most; the rest of the step reads it. */
export const maxWaitMs = 10_000;
/** Kept for the download and the sums after a wait. */
const readingMs = 8_000;

const notReady = (reportId: string) =>
  `The billing file of report ${reportId} is not ready yet (generation usually takes 1 to 2 minutes; Zapier stops a step after 30 s). ` +
  'Put a Delay by Zapier step (2 minutes) before this one, or start the Zap on New Stored Report File.';

/** The billing lines of a report, as line items; with a customer given, only that customer's lines. */
export async function perform(z: ZObject, bundle: Bundle) {
  const startedAt = Date.now();
  const reportId = String(bundle.inputData['reportId'] ?? '').trim();
  const previousReportId = textInput(bundle.inputData['previousReportId']);
  const customer = textInput(bundle.inputData['customer']);
  const figure = textInput(bundle.inputData['figure']);
  const mapping = mappingInput(z, bundle.inputData['mapping']);
  const changeThreshold = thresholdInput(z, bundle.inputData['changeThreshold']);
  const includeZero = strictBoolean(z, 'Include Zero Lines', bundle.inputData['includeZero']);
  const client = reportsClient(z, bundle);
  // Zapier ends the step at 30 s whatever happens: a request still running then is cut off here, with the margin kept.
  const stepEnd = AbortSignal.timeout(Math.max(1, stepTimeLeftMs(startedAt)));
  try {
    const result = await client.getBillingLines(reportId, {
      ...(previousReportId ? { previousReportId } : {}),
      ...(figure ? { figure: figure as never } : {}),
      ...(mapping !== undefined ? { mapping } : {}),
      ...(changeThreshold !== undefined ? { changeThreshold } : {}),
      ...(includeZero !== undefined ? { includeZero } : {}),
      timeoutMs: Math.max(1, Math.min(maxWaitMs, stepTimeLeftMs(startedAt) - readingMs)),
      initialDelayMs: 1000,
      maxDelayMs: 3000,
      signal: stepEnd,
    });
    const lines = linesOfCustomer(result.lines, customer);
    if (customer !== undefined && lines.length === 0) return [];
    const answer = linesAnswer(result, lines);
    checkAnswerSize(z, answer);
    return [answer];
  } catch (error) {
    if (error instanceof WaitTimeoutError) throw new z.errors.Error(notReady(error.reportId), 'not_ready');
    if (stepEnd.aborted) {
      throw new z.errors.Error('Reading the billing lines did not finish within Zapier\u2019s 30 s. Set Customer to read one customer\u2019s lines, or try again: a slow data center answers faster later.', 'timeout');
    }
    throw toZapierError(z, error);
  }
}

export default defineSearch({
  key: 'findBillingLines',
  noun: 'Billing Lines',
  display: {
    label: 'Find Billing Lines',
    description:
      'Finds the invoice-ready billing lines of a billing report (its csv_v2_0 or json_v2_0 file), per customer and product, mapped to your product codes and prices and compared with last month, as line items for an invoice step.',
  },
  operation: {
    inputFields: [
      { ...reportIdField, helpText: `${reportIdField.helpText} It must have a csv_v2_0 or json_v2_0 file, as Create Billing Report makes.` },
      {
        key: 'previousReportId',
        label: 'Previous Month\u2019s Report',
        required: false,
        dynamic: 'reportList.id.label',
        helpText: 'The billing report of the month before, to fill Previous Quantity, Change and Flag (new, gone, changed). Leave empty to skip the comparison.',
      },
      {
        key: 'customer',
        label: 'Customer',
        required: false,
        helpText: 'Only this customer\u2019s lines: its tenant ID, or its reference in the mapping. Leave empty for every customer.',
      },
      {
        key: 'mapping',
        label: 'Mapping (JSON)',
        type: 'text',
        required: false,
        helpText:
          'Your customer references and product codes, as JSON: `{"customers": {"<tenant id>": "ACME-001"}, "products": [{"offering_item": "storage", "product_code": "BK-STOR", "unit_price": 0.05}, {"offering_item": "local_storage", "ignore": true}]}`. The first matching product rule wins; `*` is a wildcard. Lines it does not map keep empty cells and are counted in Exceptions.',
      },
      { key: 'figure', label: 'Figure', required: false, choices: figureChoices, helpText: 'Which usage figure is billed, as `measure.part`. Leave empty for what the vendor\u2019s own billing module bills: `absolute` (`delta` for compute points), `total` for customers and `production` for other tenants.' },
      { key: 'includeZero', label: 'Include Zero Lines', type: 'boolean', required: false, default: 'no', helpText: 'Keep lines whose quantity rounds to 0.' },
      { key: 'changeThreshold', label: 'Change Threshold (%)', type: 'number', required: false, helpText: 'A change beyond this percent is flagged "changed" (default 25).' },
    ],
    perform,
    sample: sampleBillingLines,
    outputFields: [...billingLinesOutputFields],
  },
});
