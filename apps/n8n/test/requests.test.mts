// How many requests the common jobs cost, against the simulator's request log: a count that grows is a test that
// fails. The hand-built way (HTTP Request nodes) takes 6 for the billing job: token, own tenant, create, one
// poll, two downloads.
import { createSimulator } from '@acronis-reports/simulator';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AcronisReports } from '../nodes/AcronisReports/AcronisReports.node.js';
import { AcronisReportsTrigger } from '../nodes/AcronisReportsTrigger/AcronisReportsTrigger.node.js';
import { byId, credentialsFor, executeContext, pollContext } from './helpers/n8n.mjs';

let sim: Awaited<ReturnType<typeof createSimulator>>;
// files are ready as soon as they are listed: one poll of the wait, whatever the machine's speed
beforeAll(async () => {
  sim = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 0, listDelayMs: 0 } });
});
afterAll(async () => sim?.close());
beforeEach(() => sim.control.clearRequests());

const operations = () => sim.control.requests().map((request) => request.operationId);
const run = async (credentials: ICredentialDataDecryptedObject, params: Record<string, unknown>) =>
  ((await new AcronisReports().execute.call(executeContext(credentials, params))) as [INodeExecutionData[]])[0];

describe('requests per job', () => {
  it('Create Billing Report (wait and download, the defaults): 6 requests and the polls of the wait', async () => {
    const out = await run(credentialsFor(sim), { resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-10' });
    expect(out).toHaveLength(2);
    // the wait polls until the files are saved: one or two polls here (files are saved at once, but a moment later)
    const polls = operations().filter((operation) => operation === 'fetchStoredReports').length;
    expect(polls).toBeGreaterThanOrEqual(1);
    expect(polls).toBeLessThanOrEqual(2);
    expect(operations().filter((operation) => operation !== 'fetchStoredReports')).toEqual([
      'requestToken',
      'fetchClient', // the API client's own tenant, once per run
      'fetchTenantReports', // the baseline that recognises the report of a create whose answer was lost
      'createReport',
      // the wait, on the report the create returned (no GET of it)
      'downloadStoredReport', // each file with one request: its stored report and report are known
      'downloadStoredReport',
    ]);
    expect(operations().length).toBeLessThanOrEqual(8);
  });

  it('Download of a stored report by id: the file, asked for at once beside the report (file name) and its stored list (format, status)', async () => {
    const credentials = credentialsFor(sim);
    const [file] = (await run(credentials, { resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-09' }))!;
    sim.control.clearRequests();
    await run(credentials, { resource: 'storedReport', operation: 'download', reportId: byId(String(file!.json.reportId)), storedReportId: String(file!.json.storedReportId), output: 'file' });
    // the three go out together, so they are answered in any order
    expect(operations().sort()).toEqual(['downloadStoredReport', 'fetchReport', 'fetchStoredReports']);
  });

  it('a trigger asks for the API client\'s own tenant once, not on every poll', async () => {
    const credentials = credentialsFor(sim);
    const state: IDataObject = {};
    const trigger = new AcronisReportsTrigger();
    for (let poll = 0; poll < 3; poll++) await trigger.poll.call(pollContext(credentials, { event: 'newReport', tenantId: '' }, state));
    expect(operations().filter((operation) => operation === 'fetchClient')).toHaveLength(1);
    expect(operations().filter((operation) => operation === 'fetchTenantReports')).toHaveLength(3);
    // other credentials (another API client) never take a tenant kept for these
    sim.control.clearRequests();
    await trigger.poll.call(pollContext({ ...credentials, url: `${sim.baseUrl}/` }, { event: 'newReport', tenantId: '' }, state));
    expect(operations().filter((operation) => operation === 'fetchClient')).toHaveLength(1);
  });
});
