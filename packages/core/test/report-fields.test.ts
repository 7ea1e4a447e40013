import { describe, expect, it } from 'vitest';
import {
  buildCreateRequest,
  buildUpdateChanges,
  parseBooleanField,
  parseListField,
  parseMonthField,
  parsePeriodFields,
  reportKinds,
  ValidationError,
  type ReportFields,
} from '../src/index.js';
import { clientFor, requestsOf, useSimulator } from './support.js';

const today = '2026-11-15';
const ownTenantId = 'ede9f834-70b3-476c-83d9-736f9f8c7dae';
const create = (fields: ReportFields, options: Parameters<typeof buildCreateRequest>[1] | object = {}) =>
  buildCreateRequest(fields, { today, ownTenantId, ...options });

/** The problems as "field message", or [] when it passes. */
function problems(run: () => unknown): string[] {
  try {
    run();
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).issues.map((issue) => `${issue.field} ${issue.message}`);
  }
}

describe('lists', () => {
  it('split text on commas, semicolons and white space, trimmed, empties dropped; arrays are trimmed too', () => {
    expect(parseListField('a; b ,c', 'recipients')).toEqual(['a', 'b', 'c']);
    expect(parseListField('a,\n b;;', 'recipients')).toEqual(['a', 'b']);
    expect(parseListField([' a ', '', 'b'], 'recipients')).toEqual(['a', 'b']);
    expect(parseListField(' , ; ', 'recipients')).toBeUndefined();
    expect(problems(() => parseListField(42, 'recipients'))).toEqual(['recipients must be a list (an array, or text separated by commas, semicolons or spaces), got 42']);
  });

  it('formats are checked against the API list; a mapped list of formats is split like any list', () => {
    expect(create({ formats: 'csv_v2_0; json_v2_0' }).parameters.formats).toEqual(['csv_v2_0', 'json_v2_0']);
    expect(problems(() => create({ formats: 'csv, pdf' }))).toEqual(['formats must list only csv, html, json_v1, csv_v2_0, json_v2_0; unknown: "pdf"']);
  });
});

describe('dates', () => {
  it('take the calendar date of YYYY-MM-DD or an ISO date-time, with Z or an offset', () => {
    const request = create({ periodStart: '2026-01-01T00:00:00Z', periodEnd: '2026-01-31T23:30:00-05:00', generationDate: '2026-12-01T08:00:00.000+02:00' });
    expect(request.parameters.period).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(request.generation_date).toBe('2026-12-01');
    expect(create({ periodStart: '2026-10-01', periodEnd: '2026-10-15' }).parameters.period).toEqual({ start: '2026-10-01', end: '2026-10-15' });
  });

  it('refuse anything else, naming the field', () => {
    expect(problems(() => create({ periodStart: 'tomorrow', periodEnd: '2026-02-30' }))).toEqual([
      'periodStart must be a date as YYYY-MM-DD or an ISO date-time such as 2026-01-01T00:00:00Z, got "tomorrow"',
      'periodEnd must be a date as YYYY-MM-DD or an ISO date-time such as 2026-01-01T00:00:00Z, got "2026-02-30"',
    ]);
    expect(problems(() => create({ generationDate: '01/12/2026' }))).toEqual([
      'generationDate must be a date as YYYY-MM-DD or an ISO date-time such as 2026-01-01T00:00:00Z, got "01/12/2026"',
    ]);
  });

  it('a period needs both ends, the start not after the end', () => {
    expect(problems(() => create({ periodStart: '2026-10-01' }))).toEqual(['periodEnd is required with periodStart']);
    expect(problems(() => create({ periodStart: '2026-10-10', periodEnd: '2026-10-01' }))).toEqual(['periodEnd is before periodStart (2026-10-01 < 2026-10-10)']);
  });

  it('a month is YYYY-MM or the month of a date or ISO date-time, and is the whole month', () => {
    expect(parseMonthField('2026-01-01T00:00:00Z', 'month')).toBe('2026-01');
    expect(parseMonthField(' 2026-02 ', 'month')).toBe('2026-02');
    expect(create({ month: '2026-01-01T00:00:00Z' }).parameters.period).toEqual({ start: '2026-01-01', end: '2026-01-31' });
    expect(problems(() => parseMonthField('2026-13', 'Month'))).toEqual([
      'Month must be a month as YYYY-MM (or a date in it, YYYY-MM-DD or an ISO date-time such as 2026-01-01T00:00:00Z), got "2026-13"',
    ]);
  });

  it('the period fields alone keep a month as a month (the billing flow), by the same rules', () => {
    expect(parsePeriodFields({ month: '2026-10-01T00:00:00Z' })).toEqual({ month: '2026-10' });
    expect(parsePeriodFields({ periodStart: '2026-10-01T00:00:00Z', periodEnd: '2026-10-15' })).toEqual({ period: { start: '2026-10-01', end: '2026-10-15' } });
    expect(parsePeriodFields({ month: '' })).toEqual({});
    expect(problems(() => parsePeriodFields({ month: '2026-10', periodEnd: '2026-10-15' }, { month: '--month', periodStart: '--period-start', periodEnd: '--period-end' }))).toEqual([
      '--month and --period-start/--period-end both set the period: give one or the other',
    ]);
  });

  it('a month and period dates are not given together', () => {
    expect(problems(() => create({ month: '2026-10', periodStart: '2026-10-01', periodEnd: '2026-10-15' }))).toEqual([
      'month and periodStart/periodEnd both set the period: give one or the other',
    ]);
  });

  it('the API check of the period is named after the field that set it', () => {
    expect(problems(() => create({ periodStart: '2026-11-01', periodEnd: '2026-11-20' }))).toEqual(['periodEnd is in the future (2026-11-20; today is 2026-11-15 UTC)']);
    expect(problems(() => create({ month: '2026-11' }))).toEqual(['month is in the future (2026-11-30; today is 2026-11-15 UTC)']);
  });
});

describe('booleans', () => {
  it('take true/false, yes/no, 1/0 as booleans, text or numbers', () => {
    const cases: [unknown, boolean][] = [[true, true], ['true', true], ['Yes', true], ['1', true], [1, true], [false, false], ['FALSE', false], ['no', false], ['0', false], [0, false]];
    for (const [value, expected] of cases) expect(parseBooleanField(value, 'showSkus'), String(value)).toBe(expected);
    expect(parseBooleanField('', 'showSkus')).toBeUndefined();
  });

  it('refuse anything else, such as "maybe", naming the field: never dropped', () => {
    expect(problems(() => create({ showSkus: 'maybe' }))).toEqual(['showSkus must be true or false (also yes/no or 1/0), got "maybe"']);
    expect(problems(() => buildUpdateChanges({ enabled: 'maybe' }, { labels: { enabled: 'Enabled' } }))).toEqual([
      'Enabled must be true or false (also yes/no or 1/0), got "maybe"',
    ]);
  });
});

describe('a create request', () => {
  it("fills what is left empty: the API client's own tenant, a one-time usage summary for direct partners, saved", () => {
    expect(create({ tenantId: '  ' })).toEqual({
      result_action: 'save',
      recipients: [],
      schedule: { type: 'once' },
      parameters: { tenant_id: ownTenantId, kind: 'usage_summary', level: 'direct_partners' },
    });
  });

  it('takes every field, trimmed; a given tenant is used (lowercased), not the own one', () => {
    const tenant = 'AAAAAAAA-70B3-476C-83D9-736F9F8C7DAE';
    const request = create({
      tenantId: tenant,
      kind: ' usage_daily ',
      level: 'itself',
      formats: ['csv', 'html'],
      hideZeroUsage: 'yes',
      showSkus: false,
      resultAction: 'send',
      recipients: `${ownTenantId}; ${tenant}`,
      scheduleType: 'monthly',
      enabled: 'false',
    });
    expect(request).toEqual({
      result_action: 'send',
      recipients: [ownTenantId, tenant.toLowerCase()],
      schedule: { type: 'monthly', enabled: false },
      parameters: { tenant_id: tenant.toLowerCase(), kind: 'usage_daily', level: 'itself', formats: ['csv', 'html'], hide_zero_usage: true, show_skus: false },
    });
  });

  it('checks enums against the API lists', () => {
    expect(problems(() => create({ kind: 'usage_weekly', resultAction: 'mail', scheduleType: 'weekly' }))).toEqual([
      `kind must be one of ${reportKinds.join(', ')}, got "usage_weekly"`,
      'resultAction must be one of save, send, got "mail"',
      'scheduleType must be one of once, monthly, got "weekly"',
    ]);
  });

  it('sends Enabled only with a monthly schedule, which is the one it pauses or resumes', () => {
    expect(create({ enabled: true }).schedule).toEqual({ type: 'once' });
    expect(create({ enabled: true, scheduleType: 'monthly' }).schedule).toEqual({ type: 'monthly', enabled: true });
  });

  it('ties recipients to the result action, in the host words', () => {
    const labels = { recipients: 'Recipients', resultAction: 'Result' };
    expect(problems(() => create({ resultAction: 'send' }, { labels }))).toEqual(['Recipients must list at least one user UUID when result_action is send']);
    expect(problems(() => create({ recipients: ownTenantId }, { labels }))).toEqual([
      'Recipients must be empty when result_action is save: saved reports are not e-mailed (use send to e-mail them)',
    ]);
    expect(problems(() => create({ resultAction: 'send', recipients: 'bob' }, { labels }))).toEqual([
      'Recipients must be a UUID like ede9f834-70b3-476c-83d9-736f9f8c7dae, got "bob"',
      'Recipients must list at least one user UUID when result_action is send',
    ]);
  });

  it('names fields by the labels the host gives', () => {
    const labels = { periodStart: '--period-start', periodEnd: '--period-end', tenantId: '--tenant-id' };
    expect(problems(() => create({ periodStart: '2026-10-01', tenantId: 'nobody' }, { labels }))).toEqual(['--period-end is required with --period-start']);
    expect(problems(() => create({ tenantId: 'nobody' }, { labels }))).toEqual(['--tenant-id must be a UUID like ede9f834-70b3-476c-83d9-736f9f8c7dae, got "nobody"']);
  });

  it('overrides a base body field by field; the base fills what the fields leave, its own faults keep their API names', () => {
    const base = { result_action: 'save', schedule: { type: 'monthly' }, parameters: { tenant_id: ownTenantId, kind: 'usage_daily', level: 'itself', formats: ['csv'] } };
    expect(create({ level: 'all_customers' }, { base, ownTenantId: 'not-used' })).toEqual({
      result_action: 'save',
      recipients: [],
      schedule: { type: 'monthly' },
      parameters: { tenant_id: ownTenantId, kind: 'usage_daily', level: 'all_customers', formats: ['csv'] },
    });
    const faulty = { ...base, parameters: { ...base.parameters, kind: 'usage_weekly' } };
    expect(problems(() => create({ kind: '' }, { base: faulty, labels: { kind: '--kind' } }))).toEqual([
      `parameters.kind must be one of ${reportKinds.join(', ')}, got "usage_weekly"`,
    ]);
  });

  it('refuses a field it does not know', () => {
    expect(problems(() => create({ perodStart: '2026-10-01' } as ReportFields))).toEqual([expect.stringMatching(/^perodStart is not a field here; known: tenantId, kind/)]);
  });
});

describe("an update's changes", () => {
  it('hold only what was filled in', () => {
    expect(buildUpdateChanges({ kind: 'usage_daily', level: '', enabled: 'no', recipients: 'a1b2c3d4-0000-4000-8000-000000000001, ' })).toEqual({
      parameters: { kind: 'usage_daily' },
      schedule: { enabled: false },
      recipients: ['a1b2c3d4-0000-4000-8000-000000000001'],
    });
    expect(buildUpdateChanges({ showSkus: '1' }, { base: { parameters: { level: 'itself' } } })).toEqual({ parameters: { level: 'itself', show_skus: true } });
  });

  it('need at least one change, and only fields an update takes', () => {
    expect(problems(() => buildUpdateChanges({ kind: ' ' }, { labels: { changes: 'Update Fields' } }))).toEqual(['Update Fields needs at least one field to change']);
    expect(problems(() => buildUpdateChanges({ periodStart: '2026-10-01' } as object))).toEqual([
      'periodStart is not a field here; known: kind, level, hideZeroUsage, showSkus, recipients, enabled',
    ]);
  });
});

describe('the client, from fields', () => {
  const simulator = useSimulator();

  it("creates in the API client's own tenant, looked up by core, and updates from fields", async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const report = await client.createReportFromFields({ month: '2026-10-05T00:00:00Z', formats: 'csv html', scheduleType: 'monthly', hideZeroUsage: 'true' });
    expect(report.parameters).toMatchObject({ tenant_id: sim.tenantId, period: { start: '2026-10-01', end: '2026-10-31' }, formats: ['csv', 'html'], hide_zero_usage: true });
    const updated = await client.updateReportFromFields(report.id, { enabled: 'no', level: 'itself' });
    expect(updated).toMatchObject({ schedule: { enabled: false }, parameters: { level: 'itself' } });
  });

  it('sends nothing at all, not even the tenant look-up, when a field is bad', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    sim.control.clearRequests();
    const error = await client.createReportFromFields({ showSkus: 'maybe' }, { labels: { showSkus: 'Show SKUs' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('Invalid input: Show SKUs must be true or false (also yes/no or 1/0), got "maybe".');
    await expect(client.createReportFromFields({}, { label: {} } as object)).rejects.toThrow('Invalid input: options.label is not an option here');
    expect(requestsOf(sim)).toEqual([]);
  });
});
