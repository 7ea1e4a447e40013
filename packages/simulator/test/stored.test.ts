import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { billingRequest, call, getToken, rawGet, settledStored, useSimulator } from './support.js';

const simulator = useSimulator({ config: { generationDelayMs: 60_000, listDelayMs: 5_000 } });
let token: string;
beforeAll(async () => {
  token = await getToken(simulator());
});

async function createSaved(formats: string[], extra: Record<string, unknown> = {}) {
  const sim = simulator();
  const request: any = billingRequest(sim.tenantId, extra);
  request.parameters.formats = formats;
  const created = await call(sim, token, 'POST', '/reports', request);
  expect(created.status).toBe(200);
  sim.control.advanceClock(60_000);
  return { id: created.body.id as string, items: await settledStored(sim, token, created.body.id, formats.length) };
}

describe('GET /reports/{report_id}/stored', () => {
  it('is empty at first, then lists one in_progress item per format, then saved items with their compressed size', async () => {
    const sim = simulator();
    const created = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId));
    const id = created.body.id;
    expect((await call(sim, token, 'GET', `/reports/${id}/stored`)).body).toEqual({ items: [] });

    sim.control.advanceClock(5_000);
    const generating = (await call(sim, token, 'GET', `/reports/${id}/stored`)).body.items;
    expect(generating.map((item: any) => [item.report_format, item.status, item.size])).toEqual([
      ['csv_v2_0', 'in_progress', 0],
      ['json_v2_0', 'in_progress', 0],
    ]);
    expect(generating[0].created_at).toMatch(/^2026-11-15T12:00:0\d\+00:00$/);

    const download = await call(sim, token, 'GET', `/reports/${id}/stored/${generating[0].id}`);
    expect(download.status).toBe(404);
    expect(download.body.error.message).toContain('still being generated');

    sim.control.advanceClock(55_000);
    const saved = await settledStored(sim, token, id, 2);
    for (const item of saved as any[]) {
      expect(item.status).toBe('saved');
      const file = await rawGet(`${sim.apiBaseUrl}/reports/${id}/stored/${item.id}`, token);
      expect(file.status).toBe(200);
      expect(file.body.length).toBe(item.size);
      expect(file.headers['content-length']).toBe(String(item.size));
    }
  });
});

describe('GET /reports/{report_id}/stored/{stored_report_id}', () => {
  it('serves every format gzip-compressed with Content-Encoding: gzip, as application/octet-stream', async () => {
    const sim = simulator();
    const formats = ['csv', 'html', 'json_v1', 'csv_v2_0', 'json_v2_0'];
    const { id, items } = await createSaved(formats);
    const byFormat = new Map((items as any[]).map((item) => [item.report_format, item]));
    for (const format of formats) {
      const item = byFormat.get(format);
      const raw = await rawGet(`${sim.apiBaseUrl}/reports/${id}/stored/${item.id}`, token);
      expect(raw.headers['content-encoding']).toBe('gzip');
      expect(raw.headers['content-type']).toBe('application/octet-stream');
      expect([...raw.body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      const text = gunzipSync(raw.body).toString('utf8');
      const info = await sim.control.storedFile(item.id);
      expect(info).toMatchObject({ size: raw.body.length, bytes: Buffer.byteLength(text), format });
      // fetch decodes Content-Encoding by itself, as Python's requests does for the vendor pages
      const decoded = await fetch(`${sim.apiBaseUrl}/reports/${id}/stored/${item.id}`, { headers: { authorization: `Bearer ${token}` } });
      expect(await decoded.text()).toBe(text);
      if (format.startsWith('json')) expect(() => JSON.parse(text)).not.toThrow();
      if (format === 'csv_v2_0') expect(text.split('\n')[0]).toContain('tenant.id,tenant.kind');
      if (format === 'html') expect(text).toMatch(/^<!DOCTYPE html>/i);
    }
  });

  it('writes json_v2_0 params as the vendor documents them: the generation instant, the period and the tenant', async () => {
    const sim = simulator();
    const { id, items } = await createSaved(['json_v2_0']);
    const [item] = items as any[];
    const file = await fetch(`${sim.apiBaseUrl}/reports/${id}/stored/${item.id}`, { headers: { authorization: `Bearer ${token}` } });
    const { params } = (await file.json()) as any;
    expect(params).toMatchObject({
      kind: 5,
      report_type: 5,
      report_level: 1,
      gen_date: Date.parse(item.created_at) / 1000,
      begin_date: Date.parse('2026-10-01T00:00:00Z') / 1000,
      end_date: Date.parse('2026-10-31T23:59:59Z') / 1000,
      name: sim.tenants.tenantName,
    });
    const again = await createSaved(['json_v2_0']);
    const second = await fetch(`${sim.apiBaseUrl}/reports/${again.id}/stored/${(again.items as any[])[0].id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await second.json()) as any).params.group_id).toBe(params.group_id);
  });

  it('can send raw gzip bytes without the Content-Encoding header', async () => {
    const sim = simulator();
    sim.control.updateConfig({ gzipContentEncoding: false, createdAtWithOffset: false });
    try {
      const { id, items } = await createSaved(['csv']);
      const item = (items as any[])[0];
      expect(item.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      const raw = await rawGet(`${sim.apiBaseUrl}/reports/${id}/stored/${item.id}`, token);
      expect(raw.headers['content-encoding']).toBeUndefined();
      expect([...raw.body.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      expect(gunzipSync(raw.body).length).toBeGreaterThan(100);
    } finally {
      sim.control.updateConfig({ gzipContentEncoding: true, createdAtWithOffset: true });
    }
  });

  it('answers 404 for a stored id that is not one of the report', async () => {
    const sim = simulator();
    const first = await createSaved(['csv']);
    const second = await createSaved(['csv']);
    const crossed = await call(sim, token, 'GET', `/reports/${first.id}/stored/${(second.items as any[])[0].id}`);
    expect(crossed.status).toBe(404);
  });
});

describe('failed generations', () => {
  it('turns the stored report of the faulted format failed and keeps the others', async () => {
    const sim = simulator();
    sim.control.addFault({ type: 'fail-generation', format: 'json_v2_0' });
    const { id, items } = await createSaved(['csv_v2_0', 'json_v2_0']);
    const statuses = Object.fromEntries((items as any[]).map((item) => [item.report_format, item.status]));
    expect(statuses).toEqual({ csv_v2_0: 'saved', json_v2_0: 'failed' });
    const failed = (items as any[]).find((item) => item.status === 'failed');
    const download = await call(sim, token, 'GET', `/reports/${id}/stored/${failed.id}`);
    expect(download.status).toBe(404);
    expect(download.body.error.message).toContain('failed generation');
  });
});

describe('result_action send', () => {
  it('e-mails the formats to the recipients and stores nothing', async () => {
    const sim = simulator();
    const recipients = ['ca451758-b48a-45d9-9ae6-8f1059f67619', 'ab00e527-219b-481b-b01b-311b5be0ed3c'];
    const request: any = billingRequest(sim.tenantId, { result_action: 'send', recipients });
    request.parameters.formats = ['csv', 'html'];
    const created = await call(sim, token, 'POST', '/reports', request);
    expect(created.body.recipients).toEqual(recipients);
    sim.control.advanceClock(60_000);
    expect((await call(sim, token, 'GET', `/reports/${created.body.id}/stored`)).body.items).toEqual([]);
    expect(sim.control.outbox().filter((mail) => mail.reportId === created.body.id)).toEqual([
      expect.objectContaining({ recipients, formats: ['csv', 'html'], period: { start: '2026-10-01', end: '2026-10-31' } }),
    ]);
  });
});
