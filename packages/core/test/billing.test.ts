import { describe, expect, it } from 'vitest';
import { billingReportRequest, lastFullMonth, monthPeriod, ValidationError, type ExportProgress } from '../src/index.js';
import { clientFor, requestsOf, useSimulator } from './support.js';

const simulator = useSimulator({ config: { generationDelayMs: 90_000, listDelayMs: 2_000 } });
const now = Date.parse('2026-11-15T12:00:00Z');

describe('the billing preset', () => {
  it('builds the vendor billing request for the last full month by default', () => {
    expect(lastFullMonth(Date.parse('2026-01-03T00:00:00Z'))).toBe('2025-12');
    expect(monthPeriod('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(billingReportRequest('ede9f834-70b3-476c-83d9-736f9f8c7dae', {}, now)).toEqual({
      result_action: 'save',
      recipients: [],
      schedule: { type: 'once' },
      parameters: {
        tenant_id: 'ede9f834-70b3-476c-83d9-736f9f8c7dae',
        kind: 'usage_summary',
        level: 'direct_partners',
        formats: ['csv_v2_0', 'json_v2_0'],
        period: { start: '2026-10-01', end: '2026-10-31' },
        hide_zero_usage: true,
        show_skus: true,
      },
    });
  });

  it('takes a month, a period, a level and formats, and refuses the impossible', () => {
    const tenant = 'ede9f834-70b3-476c-83d9-736f9f8c7dae';
    expect(billingReportRequest(tenant, { month: '2026-09', level: 'all_customers', formats: ['csv_v2_0'] }, now).parameters).toMatchObject({
      level: 'all_customers',
      formats: ['csv_v2_0'],
      period: { start: '2026-09-01', end: '2026-09-30' },
    });
    expect(billingReportRequest(tenant, { period: { start: '2026-11-01', end: '2026-11-14' } }, now).parameters.period).toEqual({ start: '2026-11-01', end: '2026-11-14' });
    expect(() => billingReportRequest(tenant, { month: '2026-13' }, now)).toThrow('month must be a month as YYYY-MM, got "2026-13"');
    expect(() => billingReportRequest(tenant, { month: '2026-11' }, now)).toThrow(ValidationError);
  });

  it('names a problem after the billing option that caused it, not the request field it fills', () => {
    const tenant = 'ede9f834-70b3-476c-83d9-736f9f8c7dae';
    const issuesOf = (build: () => unknown) => {
      try {
        build();
      } catch (error) {
        return (error as ValidationError).issues.map((issue) => `${issue.field} ${issue.message}`);
      }
      throw new Error('no ValidationError');
    };
    expect(issuesOf(() => billingReportRequest(tenant, { period: { start: '2026-10-31', end: '2026-10-01' } }, now))).toEqual([
      'period starts after it ends (2026-10-31 > 2026-10-01)',
    ]);
    expect(issuesOf(() => billingReportRequest(tenant, { level: 'everyone' as never, formats: ['pdf' as never] }, now))).toEqual([
      expect.stringMatching(/^level must be one of /),
      expect.stringMatching(/^formats\[0\] must be one of /),
    ]);
    expect(issuesOf(() => billingReportRequest('nobody', {}, now))).toEqual([expect.stringMatching(/^parameters\.tenant_id /)]);
  });

  it('says in words that the current or a later month cannot be billed yet, and names the last full month', () => {
    const tenant = 'ede9f834-70b3-476c-83d9-736f9f8c7dae';
    expect(() => billingReportRequest(tenant, { month: '2026-11' }, now)).toThrow(
      'month 2026-11 has not ended yet (today is 2026-11-15 UTC); the last full month is 2026-10',
    );
    expect(() => billingReportRequest(tenant, { month: '2027-02' }, now)).toThrow('month 2027-02 is in the future (today is 2026-11-15 UTC); the last full month is 2026-10');
    // on its last day a month has not ended either: its usage is not complete
    expect(() => billingReportRequest(tenant, { month: '2026-11' }, Date.parse('2026-11-30T20:00:00Z'))).toThrow('month 2026-11 has not ended yet');
    expect(billingReportRequest(tenant, { month: '2026-11' }, Date.parse('2026-12-01T08:00:00Z')).parameters.period).toEqual({ start: '2026-11-01', end: '2026-11-30' });
  });

  it('checks a billing request whole before looking up the own tenant: bad input sends nothing', async () => {
    const sim = simulator();
    sim.control.clearRequests();
    const client = clientFor(sim);
    await expect(client.createBillingReport({ month: '2026-13' })).rejects.toThrow('month must be a month as YYYY-MM');
    await expect(client.buildBillingReportRequest({ formats: ['xlsx' as never] })).rejects.toThrow('options.formats must list only');
    await expect(client.exportBillingReport({ month: '2026-11', consume: async () => undefined })).rejects.toBeInstanceOf(ValidationError);
    expect(sim.control.requests()).toEqual([]);
  });
});

describe('exportBillingReport', () => {
  it('creates, waits, hands over every file, and deletes the one-time report when asked', async () => {
    const sim = simulator();
    const client = clientFor(sim);
    const stages: string[] = [];
    const result = await client.exportBillingReport({
      deleteAfterDownload: true,
      onProgress: (progress: ExportProgress) => stages.push(progress.stage),
      consume: async (download) => ({ name: download.fileName, type: download.contentType, text: await download.text() }),
    });
    expect(result.report.parameters).toMatchObject({ tenant_id: sim.tenantId, period: { start: '2026-10-01', end: '2026-10-31' } });
    expect(result.files.map((file) => [file.name, file.type])).toEqual([
      ['usage_summary-2026-10.csv', 'text/csv; charset=utf-8'],
      ['usage_summary-2026-10.json', 'application/json'],
    ]);
    expect(result.files[0]!.text.split('\r\n')[0]).toMatch(/^tenant\.id,tenant\.kind,/);
    expect(JSON.parse(result.files[1]!.text).params).toMatchObject({ begin_date: Date.parse('2026-10-01T00:00:00Z') / 1000, end_date: Date.parse('2026-10-31T23:59:59Z') / 1000 });
    expect(result.deleted).toBe(true);
    expect(stages[0]).toBe('creating');
    expect(stages.filter((stage) => stage === 'waiting').length).toBeGreaterThan(3);
    expect(stages.slice(-5)).toEqual(['downloading', 'downloaded', 'downloading', 'downloaded', 'deleted']);
    expect(requestsOf(sim, 'deleteReport').map((r) => r.status)).toEqual([204]);
  });
});
