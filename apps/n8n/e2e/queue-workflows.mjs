// The two workflows of the queue-mode run (e2e/queue.mjs): billing started by a webhook, and the polling trigger.
import { randomUUID } from 'node:crypto';
import { credentialRef, NODE_TYPE, TRIGGER_TYPE } from './lib.mjs';

export const WEBHOOK_PATH = 'acronis-queue-billing';
export const TRIGGER_WORKFLOW_ID = 'queueTriggerFlow1';

const chain = (...names) =>
  Object.fromEntries(names.slice(0, -1).map((name, i) => [name, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
const workflow = (id, name, nodes, connections) => ({
  id,
  name,
  active: false,
  nodes: nodes.map((node, i) => ({ id: `${id}-node-${i}`, position: [i * 220, 0], ...node })),
  connections,
  settings: { executionOrder: 'v1' },
  pinData: {},
});
const field = (name, value) => ({ id: `field-${name}`, name, value, type: 'string' });

/** Webhook (answers with the last node's items) -> Create Billing Report of the month in the body -> what the test checks. */
export const billingWorkflow = workflow(
  'queueBillingHook1',
  'queue: billing report per webhook call',
  [
    {
      parameters: { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
      name: 'Webhook',
      type: 'n8n-nodes-base.webhook',
      typeVersion: 2,
      webhookId: randomUUID(),
    },
    {
      parameters: { resource: 'report', operation: 'createBilling', tenantId: '', month: '={{ $json.body.month }}', options: { timeoutMinutes: 4 } },
      name: 'Create Billing Report',
      type: NODE_TYPE,
      typeVersion: 1,
      credentials: credentialRef,
    },
    {
      parameters: {
        mode: 'manual',
        assignments: {
          assignments: [
            field('executionId', '={{ $execution.id }}'),
            field('reportId', '={{ $json.reportId }}'),
            field('storedReportId', '={{ $json.storedReportId }}'),
            field('fileName', '={{ $json.fileName }}'),
            field('binaryId', '={{ $binary.data ? $binary.data.id : "" }}'),
          ],
        },
        options: {},
      },
      name: 'Result',
      type: 'n8n-nodes-base.set',
      typeVersion: 3.4,
    },
  ],
  chain('Webhook', 'Create Billing Report', 'Result'),
);

/** Stored Report Ready for every report of the tenant, files attached -> one POST per item to the test's receiver. */
export const triggerWorkflow = (receiverUrl) =>
  workflow(
    TRIGGER_WORKFLOW_ID,
    'queue: stored report ready trigger',
    [
      {
        parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, event: 'storedReportReady', watch: 'tenant', tenantId: '', formats: [], download: true },
        name: 'Acronis Reports Trigger',
        type: TRIGGER_TYPE,
        typeVersion: 1,
        credentials: credentialRef,
      },
      {
        parameters: {
          method: 'POST',
          url: receiverUrl,
          sendBody: true,
          specifyBody: 'json',
          jsonBody: '={{ JSON.stringify({ item: $json, binaryId: $binary.data ? $binary.data.id : null, executionId: $execution.id }) }}',
          options: {},
        },
        name: 'Tell the test',
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
      },
    ],
    chain('Acronis Reports Trigger', 'Tell the test'),
  );
