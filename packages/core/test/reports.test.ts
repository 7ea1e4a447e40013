import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../src/index.js';
import { billingBody, clientFor, requestsOf, unknownId, useSimulator } from './support.js';

const simulator = useSimulator();
beforeEach(() => {
  simulator().control.clearRequests();
  simulator().control.clearFaults();
});

// monthly reports offer only csv and html
const monthly = (tenantId: string) => {
  const body = billingBody(tenantId);
  return { ...body, parameters: { ...body.parameters, formats: ['csv' as const, 'html' as const] }, schedule: { type: 'monthly' as const } };
};

describe('reports', () => {
  it('creates, fetches, updates and lists reports of the own tenant by default', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const created = await client.createReport(monthly(sim.tenantId));
    expect(created).toMatchObject({ version: 1, result_action: 'save', parameters: { kind: 'usage_summary', tenant_id: sim.tenantId } });
    expect(await client.getReport(created.id)).toEqual(created);
    const updated = await client.updateReport(created.id, { parameters: { level: 'all_customers' }, schedule: { enabled: false } });
    expect(updated).toMatchObject({ version: 2, parameters: { level: 'all_customers' }, schedule: { enabled: false } });
    expect(await client.listTenantReportIds()).toContain(created.id);
    const full = await client.listTenantReports(undefined, { concurrency: 2 });
    expect(full.find((report) => report.id === created.id)).toEqual(updated);
    expect(await client.getOwnTenantId()).toBe(sim.tenantId);
    expect(requestsOf(sim, 'fetchClient')).toHaveLength(1);
  });

  it('accepts UUIDs in any case and sends them lowercase', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const created = await client.createReport(billingBody(sim.tenantId.toUpperCase()));
    expect(created.parameters.tenant_id).toBe(sim.tenantId);
    expect((await client.getReport(created.id.toUpperCase())).id).toBe(created.id);
  });

  it('deletes with a looked-up version and repeats the lookup once when the version changed meanwhile', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const created = await client.createReport(monthly(sim.tenantId));
    await client.updateReport(created.id, { recipients: [] });
    sim.control.clearRequests();
    await client.deleteReport(created.id);
    expect(requestsOf(sim).map((r) => `${r.operationId} ${r.status}`)).toEqual(['fetchReport 200', 'deleteReport 204']);
    await expect(client.getReport(created.id)).rejects.toBeInstanceOf(NotFoundError);

    const raced = await client.createReport(monthly(sim.tenantId));
    sim.control.clearRequests();
    // another writer changes the report between the lookup and the delete, once
    sim.control.addFault({ type: 'status', status: 409, method: 'DELETE', message: 'Version mismatch' });
    await client.deleteReport(raced.id);
    expect(requestsOf(sim).map((r) => `${r.operationId} ${r.status}`)).toEqual(['fetchReport 200', 'deleteReport 409', 'fetchReport 200', 'deleteReport 204']);
  });

  it('never overrides a version the caller gave: a stale one is a ConflictError with the vendor code', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const created = await client.createReport(monthly(sim.tenantId));
    await client.updateReport(created.id, { recipients: [] });
    sim.control.clearRequests();
    const error = await client.deleteReport(created.id, { version: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'conflict', vendor: { code: 1001, message: 'Version mismatch' } });
    expect((error as Error).message).toContain('current version is 2');
    expect(requestsOf(sim).map((r) => r.operationId)).toEqual(['deleteReport']);
    await client.deleteReport(created.id, { version: 2 });
  });

  it('answers an unknown report with a NotFoundError that says what to check', async () => {
    const client = clientFor(simulator());
    const error = await client.getReport(unknownId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(`Fetching the report failed (404: Report ${unknownId} not found.). Check the report id; it may have been deleted.`);
  });

  it('refuses a malformed id before sending anything', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    await expect(client.getReport('../tenants')).rejects.toThrow(ValidationError);
    await expect(client.deleteReport('20dffb36', { version: 1 })).rejects.toThrow('reportId must be a UUID like ede9f834-70b3-476c-83d9-736f9f8c7dae, got "20dffb36"');
    expect(requestsOf(sim)).toEqual([]);
  });
});
