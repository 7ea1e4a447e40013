import { beforeAll, describe, expect, it } from 'vitest';
import { billingRequest, call, getToken, settledStored, unknownId, useSimulator } from './support.js';

const simulator = useSimulator();
let token: string;
beforeAll(async () => {
  token = await getToken(simulator());
});

const monthlyRequest = (tenantId: string) =>
  billingRequest(tenantId, { schedule: { type: 'monthly' }, parameters: { tenant_id: tenantId, kind: 'usage_summary', level: 'all_customers', formats: ['csv'] } });

describe('POST /reports', () => {
  it('creates the vendor billing report and answers the report object with version 1', async () => {
    const sim = simulator();
    const created = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId));
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      version: 1,
      result_action: 'save',
      recipients: [],
      schedule: { type: 'once', enabled: true },
      generation_date: '2026-11-15',
      parameters: { tenant_id: sim.tenantId, kind: 'usage_summary', level: 'direct_partners', formats: ['csv_v2_0', 'json_v2_0'], period: { start: '2026-10-01', end: '2026-10-31' } },
    });
    expect(created.body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('fills in a period (month to date) and formats when none are given', async () => {
    const sim = simulator();
    const request: any = billingRequest(sim.tenantId);
    delete request.parameters.period;
    delete request.parameters.formats;
    const created = await call(sim, token, 'POST', '/reports', request);
    expect(created.body.parameters.period).toEqual({ start: '2026-11-01', end: '2026-11-14' });
    expect(created.body.parameters.formats).toEqual(['csv_v2_0', 'json_v2_0']);
  });

  it('gives a monthly save report csv and html when no formats are given', async () => {
    const sim = simulator();
    const request: any = monthlyRequest(sim.tenantId);
    delete request.parameters.formats;
    const created = await call(sim, token, 'POST', '/reports', request);
    expect(created.status).toBe(200);
    expect(created.body.parameters.formats).toEqual(['csv', 'html']);
  });

  it.each([['csv_v2_0'], ['json_v2_0'], ['json_v1']])(
    'refuses a monthly report with %s (the vendor offers only csv and html for them), and creates nothing',
    async (format) => {
      const sim = simulator();
      const before = await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`);
      const request = monthlyRequest(sim.tenantId);
      const refused = await call(sim, token, 'POST', '/reports', { ...request, parameters: { ...request.parameters, formats: ['csv', format] } });
      expect(refused.status).toBe(400);
      expect(refused.body.error.domain).toBe('PlatformAccountServer');
      expect(refused.body.error.message).toContain(`monthly reports offer only the csv and html formats, not ${format}`);
      expect(refused.body.error.message).toContain('create a one-time report');
      expect((await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`)).body.items).toEqual(before.body.items);
    },
  );

  it('keeps a generation_date in the past as given, like the vendor page, and generates at once', async () => {
    const sim = simulator();
    const created = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId, { generation_date: '2017-05-08' }));
    expect(created.status).toBe(200);
    expect(created.body.generation_date).toBe('2017-05-08');
    expect((await call(sim, token, 'GET', `/reports/${created.body.id}`)).body.generation_date).toBe('2017-05-08');
    const items = (await settledStored(sim, token, created.body.id, 2)) as { status: string; created_at: string }[];
    expect(items.map((item) => item.status)).toEqual(['saved', 'saved']);
    expect(items[0]!.created_at).toMatch(/^2026-11-15T/);
  });

  it.each([
    ['an unknown top-level field', (b: any) => ({ ...b, period: b.parameters.period }), 'period is not a known field'],
    ['a bad enum', (b: any) => ({ ...b, parameters: { ...b.parameters, level: 'everyone' } }), 'parameters.level must be one of'],
    ['a malformed tenant id', (b: any) => ({ ...b, parameters: { ...b.parameters, tenant_id: 'ede9f834' } }), 'parameters.tenant_id must be a lowercase UUID'],
    ['send without recipients', (b: any) => ({ ...b, result_action: 'send' }), 'recipients is required'],
    ['string booleans', (b: any) => ({ ...b, parameters: { ...b.parameters, show_skus: 'true' } }), 'parameters.show_skus must be boolean'],
    ['an impossible date', (b: any) => ({ ...b, parameters: { ...b.parameters, period: { start: '2026-02-30', end: '2026-03-01' } } }), 'parameters.period.start must match format "date"'],
    ['a period that ends in the future', (b: any) => ({ ...b, parameters: { ...b.parameters, period: { start: '2026-11-01', end: '2026-11-30' } } }), 'period.end 2026-11-30 is in the future'],
    ['a period that starts after it ends', (b: any) => ({ ...b, parameters: { ...b.parameters, period: { start: '2026-10-31', end: '2026-10-01' } } }), 'period.start 2026-10-31 is after period.end'],
    ['enabled on a one-time schedule', (b: any) => ({ ...b, schedule: { type: 'once', enabled: true } }), 'schedule.enabled applies to scheduled'],
  ])('refuses %s with a 400 that names the field, and creates nothing', async (_name, change, message) => {
    const sim = simulator();
    const before = await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`);
    const refused = await call(sim, token, 'POST', '/reports', change(billingRequest(sim.tenantId)));
    expect(refused.status).toBe(400);
    expect(refused.body.error.domain).toBe('PlatformAccountServer');
    expect(refused.body.error.message).toContain(message);
    const after = await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`);
    expect(after.body.items).toEqual(before.body.items);
  });

  it('answers 415 without a JSON content type and 400 on a body that is not JSON', async () => {
    const sim = simulator();
    const plain = await call(sim, token, 'POST', '/reports', JSON.stringify(billingRequest(sim.tenantId)), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(plain.body.error.message).toContain('application/json');
    const broken = await call(sim, token, 'POST', '/reports', '{"parameters":', { 'content-type': 'application/json' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.message).toBe('Request body is not valid JSON.');
  });

  it('refuses a tenant outside the API client with 403', async () => {
    const sim = simulator();
    const foreign = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenants.foreignTenantId));
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toContain('denied');
  });

  it('creates reports for tenants below the client, listed under their own tenant', async () => {
    const sim = simulator();
    const customer = sim.tenants.customerIds[0]!;
    const created = await call(sim, token, 'POST', '/reports', billingRequest(customer, {}));
    expect(created.status).toBe(200);
    const listed = await call(sim, token, 'GET', `/tenants/${customer}/reports`);
    expect(listed.body.items).toEqual([created.body.id]);
  });
});

describe('GET, PUT and DELETE /reports/{report_id}', () => {
  it('fetches what was created', async () => {
    const sim = simulator();
    const created = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId));
    const fetched = await call(sim, token, 'GET', `/reports/${created.body.id}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body).toEqual(created.body);
  });

  it('updates only scheduled reports, only the allowed fields, and grows the version', async () => {
    const sim = simulator();
    const monthly = await call(sim, token, 'POST', '/reports', monthlyRequest(sim.tenantId));
    expect(monthly.body).toMatchObject({ schedule: { type: 'monthly', enabled: true }, generation_date: '2026-12-01' });
    const id = monthly.body.id;
    const changed = await call(sim, token, 'PUT', `/reports/${id}`, { parameters: { kind: 'usage_current', level: 'direct_partners' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, parameters: { kind: 'usage_current', level: 'direct_partners', tenant_id: sim.tenantId } });
    const paused = await call(sim, token, 'PUT', `/reports/${id}`, { schedule: { enabled: false } });
    expect(paused.body).toMatchObject({ version: 3, schedule: { type: 'monthly', enabled: false } });

    const tenantChange = await call(sim, token, 'PUT', `/reports/${id}`, { parameters: { tenant_id: sim.tenantId } });
    expect(tenantChange.status).toBe(400);
    expect(tenantChange.body.error.message).toContain('parameters.tenant_id is not a known field');
    expect((await call(sim, token, 'GET', `/reports/${id}`)).body.version).toBe(3);

    const once = await call(sim, token, 'POST', '/reports', billingRequest(sim.tenantId));
    const refused = await call(sim, token, 'PUT', `/reports/${once.body.id}`, { parameters: { kind: 'usage_daily' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toContain('only scheduled reports can be updated');
  });

  it('deletes with the current version, refuses a stale one with 409 code 1001, then forgets the report', async () => {
    const sim = simulator();
    const monthly = await call(sim, token, 'POST', '/reports', monthlyRequest(sim.tenantId));
    const id = monthly.body.id;
    await call(sim, token, 'PUT', `/reports/${id}`, { recipients: [] });
    const stale = await call(sim, token, 'DELETE', `/reports/${id}?version=1`);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 1001, message: 'Version mismatch' });
    expect(stale.body.error.details.info).toContain('current version is 2');
    const missingVersion = await call(sim, token, 'DELETE', `/reports/${id}`);
    expect(missingVersion.status).toBe(400);
    expect(missingVersion.body.error.message).toContain('version (query parameter) is required');
    const deleted = await call(sim, token, 'DELETE', `/reports/${id}?version=2`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    for (const path of [`/reports/${id}`, `/reports/${id}/stored`]) {
      expect((await call(sim, token, 'GET', path)).status).toBe(404);
    }
    expect((await call(sim, token, 'GET', `/tenants/${sim.tenantId}/reports`)).body.items).not.toContain(id);
  });

  it('answers 404 for an unknown report id on every report path and 400 for a malformed one', async () => {
    const sim = simulator();
    const paths: [string, string, unknown?][] = [
      ['GET', `/reports/${unknownId}`],
      ['PUT', `/reports/${unknownId}`, { schedule: { enabled: false } }],
      ['DELETE', `/reports/${unknownId}?version=1`],
      ['GET', `/reports/${unknownId}/stored`],
      ['GET', `/reports/${unknownId}/stored/${unknownId}`],
    ];
    for (const [method, path, body] of paths) {
      const answer = await call(sim, token, method, path, body);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.error.message).toContain(`Report ${unknownId} not found`);
    }
    const malformed = await call(sim, token, 'GET', '/reports/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toContain('report_id must be a lowercase UUID');
  });

  it('answers 405 for a method the path does not have, and 404 outside the API', async () => {
    const sim = simulator();
    const patch = await call(sim, token, 'PATCH', `/reports/${unknownId}`, {});
    expect(patch.status).toBe(405);
    expect(patch.headers.get('allow')).toBe('GET, PUT, DELETE');
    const outside = await fetch(`${sim.baseUrl}/api/3/reports`);
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as any).error.code).toBe(404);
  });
});

describe('GET /tenants/{tenant_id}/reports and GET /clients/{client_id}', () => {
  it('lists report ids of a tenant; 404 for an unknown tenant, 403 for a foreign one', async () => {
    const sim = simulator();
    const partner = sim.tenants.partnerIds[0]!;
    const first = await call(sim, token, 'POST', '/reports', billingRequest(partner));
    const second = await call(sim, token, 'POST', '/reports', monthlyRequest(partner));
    const listed = await call(sim, token, 'GET', `/tenants/${partner}/reports`);
    expect(listed.body).toEqual({ items: [first.body.id, second.body.id] });
    expect((await call(sim, token, 'GET', `/tenants/${unknownId}/reports`)).status).toBe(404);
    expect((await call(sim, token, 'GET', `/tenants/${sim.tenants.foreignTenantId}/reports`)).status).toBe(403);
  });

  it("tells the API client its own tenant and refuses other client ids", async () => {
    const sim = simulator();
    const client = await call(sim, token, 'GET', `/clients/${sim.clientId}`);
    expect(client.body).toMatchObject({ client_id: sim.clientId, tenant_id: sim.tenantId, type: 'api_client', status: 'enabled' });
    expect((await call(sim, token, 'GET', `/clients/${unknownId}`)).status).toBe(404);
  });
});
