// A download goes into n8n's binary data as a stream from the first download of a process on, whatever n8n's
// request helper hands back: no state learned from an earlier answer decides whether a file is buffered.
import { createSimulator } from '@acronis-reports/simulator';
import type { IHttpRequestOptions, INodeExecutionData } from 'n8n-workflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AcronisReports } from '../nodes/AcronisReports/AcronisReports.node.js';
import { calls, credentialsFor, executeContext, httpRequestWithAuthentication, sha256 } from './helpers/n8n.mjs';

let sim: Awaited<ReturnType<typeof createSimulator>>;
beforeAll(async () => {
  sim = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 0, listDelayMs: 0 } });
});
afterAll(async () => sim?.close());

it('streams the first download of the process into binary data, even when the body is not a Node stream', async () => {
  const credentials = credentialsFor(sim);
  const ctx = executeContext(credentials, { resource: 'report', operation: 'createBilling', tenantId: '', month: '2026-10' });
  const real = httpRequestWithAuthentication(credentials);
  // a body that is an async iterable but no Node readable (as another n8n version might hand back)
  ctx.helpers.httpRequestWithAuthentication.mockImplementation((async (type: string, options: IHttpRequestOptions) => {
    const response = (await real.call(ctx, type, options)) as { body: AsyncIterable<Uint8Array> };
    if (options.encoding !== 'stream') return response;
    const source = response.body;
    return { ...response, body: (async function* () { yield* source; })() };
  }) as never);
  const before = calls.binaryStreams;
  const [out] = (await new AcronisReports().execute.call(ctx)) as [INodeExecutionData[]];
  expect(out).toHaveLength(2);
  expect(calls.binaryStreams - before).toBe(2);
  for (const item of out) expect(sha256(item.binary!.data!)).toBe((await sim.control.storedFile(String(item.json.storedReportId))).sha256);
});
