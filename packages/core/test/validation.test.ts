import { describe, expect, it } from 'vitest';
import { normalizeBaseUrl, ValidationError } from '../src/index.js';
import { billingBody, clientFor, requestsOf, useSimulator } from './support.js';

const simulator = useSimulator();

const issuesOf = async (promise: Promise<unknown>) => {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((issue) => `${issue.field} ${issue.message}`);
};

describe('input validation before anything is sent', () => {
  it('names every problem of a create body and sends nothing', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    sim.control.clearRequests();
    const body: any = billingBody('not-a-tenant');
    body.parameters.kind = 'usage_weekly';
    body.parameters.period = { start: '2026-10-31', end: '2026-10-01' };
    body.parameters.show_skus = 'true';
    body.parameters.formats = ['csv_v2_0', 'csv_v2_0'];
    body.period = body.parameters.period;
    body.schedule = { type: 'once', enabled: true };
    expect(await issuesOf(client.createReport(body))).toEqual([
      'period is not a field the API knows; allowed here: recipients, result_action, parameters, schedule, generation_date',
      'parameters.tenant_id must be a UUID like ede9f834-70b3-476c-83d9-736f9f8c7dae, got "not-a-tenant"',
      'parameters.kind must be one of usage_daily, usage_summary, usage_current, usage_breakdown, got "usage_weekly"',
      'parameters.formats must not list a format twice',
      'parameters.period starts after it ends (2026-10-31 > 2026-10-01)',
      'parameters.show_skus must be true or false, got "true"',
      'schedule.enabled applies to monthly reports only',
    ]);
    expect(requestsOf(sim)).toEqual([]);
  });

  it('wants recipients for send, real dates, and no period in the future (UTC, by the runtime clock)', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    sim.control.clearRequests();
    const send: any = { ...billingBody(sim.tenantId), result_action: 'send' };
    expect(await issuesOf(client.createReport(send))).toEqual(['recipients must list at least one user UUID when result_action is send']);
    const dates: any = billingBody(sim.tenantId);
    dates.parameters.period = { start: '2026-02-29', end: '2026-11-20' };
    expect(await issuesOf(client.createReport(dates))).toEqual([
      'parameters.period.start must be a date as YYYY-MM-DD, got "2026-02-29"',
    ]);
    dates.parameters.period = { start: '2026-11-01', end: '2026-11-20' };
    expect(await issuesOf(client.createReport(dates))).toEqual(['parameters.period.end is in the future (2026-11-20; today is 2026-11-15 UTC)']);
    expect(requestsOf(sim)).toEqual([]);
  });

  it('checks updates against the fields the API lets change', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const id = 'ede9f834-70b3-476c-83d9-736f9f8c7dae';
    sim.control.clearRequests();
    expect(await issuesOf(client.updateReport(id, {} as never))).toEqual(['changes must change at least one field']);
    expect(await issuesOf(client.updateReport(id, { parameters: { tenant_id: id } } as never))).toEqual([
      'parameters.tenant_id is not a field the API knows; allowed here: level, kind, hide_zero_usage, show_skus',
    ]);
    expect(await issuesOf(client.updateReport(id, { recipients: ['bob'] }))).toEqual(['recipients[0] must be a UUID like ede9f834-70b3-476c-83d9-736f9f8c7dae, got "bob"']);
    expect(await issuesOf(client.deleteReport(id, { version: 0 }))).toEqual(['options.version must be a whole number, 1 or more, got 0']);
    expect(requestsOf(sim)).toEqual([]);
  });
});

describe('the data center URL', () => {
  it.each([
    ['eu2-cloud.acronis.com', 'https://eu2-cloud.acronis.com'],
    ['https://eu2-cloud.acronis.com/', 'https://eu2-cloud.acronis.com'],
    ['https://eu2-cloud.acronis.com/api/2/', 'https://eu2-cloud.acronis.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
    ['http://localhost:8080/api/2', 'http://localhost:8080'],
  ])('%s is %s, with the API under /api/2', (input, origin) => {
    expect(normalizeBaseUrl(input)).toEqual({ baseUrl: origin, apiBaseUrl: `${origin}/api/2` });
  });

  it.each([
    ['http://eu2-cloud.acronis.com', 'must use https (http is allowed only for a local simulator)'],
    ['https://user:pass@eu2-cloud.acronis.com', 'must not contain credentials'],
    ['https://eu2-cloud.acronis.com/ui', 'should be the data center URL without a path'],
    ['', 'is required'],
    ['ftp://example.com', 'must be an https URL'],
  ])('%j is refused: %s', (input, message) => {
    expect(() => normalizeBaseUrl(input)).toThrow(message);
  });
});
