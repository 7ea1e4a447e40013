import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { billingRequest, call, getToken, rawGet, settledStored, useSimulator } from './support.js';

const targetBytes = 40 * 1024 * 1024;
const simulator = useSimulator({ config: { generationDelayMs: 100, listDelayMs: 0, fileTargetBytes: targetBytes } });

describe('a very large stored report', () => {
  it('streams realistic varied rows whose SHA-256 matches the one the control endpoint reports', async () => {
    const sim = simulator();
    const token = await getToken(sim);
    const request: any = billingRequest(sim.tenantId);
    request.parameters.formats = ['csv_v2_0'];
    const created = await call(sim, token, 'POST', '/reports', request);
    sim.control.advanceClock(100);
    const [item] = (await settledStored(sim, token, created.body.id, 1, 60_000)) as any[];
    const info = await sim.control.storedFile(item.id);
    expect(info.bytes).toBeGreaterThanOrEqual(targetBytes);
    expect(info.size).toBe(item.size);
    // realistic rows compress like real reports, not like one row repeated a million times
    expect(info.bytes / info.size).toBeLessThan(25);

    const heapBefore = process.memoryUsage().heapUsed;
    const response = await fetch(`${sim.apiBaseUrl}/reports/${created.body.id}/stored/${item.id}`, { headers: { authorization: `Bearer ${token}` } });
    const hash = createHash('sha256');
    let bytes = 0;
    let lines = 0;
    let firstLine = '';
    await pipeline(Readable.fromWeb(response.body as any), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.length;
        if (!firstLine) firstLine = chunk.toString('utf8').split('\n')[0]!;
        for (const byte of chunk) if (byte === 10) lines += 1;
      }
    });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    expect(bytes).toBe(info.bytes);
    expect(hash.digest('hex')).toBe(info.sha256);
    expect(firstLine.startsWith('tenant.id,tenant.kind,tenant.name,name,')).toBe(true);
    expect(lines).toBeGreaterThan(100_000);
  }, 120_000);

  it('serves byte-identical compressed bodies of the listed size on every download', async () => {
    const sim = simulator();
    const token = await getToken(sim);
    const [download] = sim.control.requests().filter((r) => r.operationId === 'downloadStoredReport');
    const url = `${sim.baseUrl}${download!.path}`;
    const first = await rawGet(url, token);
    const second = await rawGet(url, token);
    const info = await sim.control.storedFile(url.split('/').pop()!);
    expect(first.body.length).toBe(info.size);
    expect(createHash('sha256').update(second.body).digest('hex')).toBe(createHash('sha256').update(first.body).digest('hex'));
  }, 120_000);
});
