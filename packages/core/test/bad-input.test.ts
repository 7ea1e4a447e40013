import { describe, expect, it } from 'vitest';
import { createReportsClient as createWebClient, requestAccessToken as requestWebToken, ValidationError } from '../src/index.js';
import { createReportsClient, requestAccessToken } from '../src/node/index.js';
import { billingBody, simulatedRuntime, useSimulator } from './support.js';

const simulator = useSimulator();

const reportId = '3f1b7f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
const storedId = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const storedItem = { id: storedId, report_format: 'csv_v2_0', size: 10, created_at: '2026-11-01T00:00:00Z', status: 'saved' };
const report = { id: reportId, version: 1, result_action: 'save', recipients: [], parameters: { tenant_id: reportId, kind: 'usage_summary', level: 'itself' }, schedule: { type: 'once' } };

/** Anything: the table feeds core values its types forbid, as JavaScript callers and hosts can. */
type Loose = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A client whose every request is counted: bad input must send nothing at all, not even a token request. */
function countingClient() {
  const sim = simulator();
  const sent: string[] = [];
  const options = { runtime: simulatedRuntime(sim), timeoutMs: 0, fetch: (request: Request) => (sent.push(`${request.method} ${request.url}`), fetch(request)) };
  const credentials = { baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret };
  const client: Loose = createReportsClient(credentials, options);
  return { sim, sent, client, credentials, options };
}

type Case = [name: string, run: (c: ReturnType<typeof countingClient>) => unknown];

const badOptionValues: [string, unknown][] = [
  ['null', null],
  ['a number', 42],
  ['a string', 'fast'],
  ['a list', []],
  ['an unknown key', { retries: 3 }],
  ['a signal that is a string', { signal: 'stop' }],
  ['a signal that is a plain object', { signal: {} }],
];

const methodsWithOptions: [string, (client: Loose, options: unknown) => unknown][] = [
  ['createReport', (c, o) => c.createReport(billingBody(reportId), o)],
  ['getReport', (c, o) => c.getReport(reportId, o)],
  ['reportPage', (c, o) => c.reportPage(reportId, o)],
  ['updateReport', (c, o) => c.updateReport(reportId, { schedule: { enabled: false } }, o)],
  ['deleteReport', (c, o) => c.deleteReport(reportId, o)],
  ['listTenantReportIds', (c, o) => c.listTenantReportIds(reportId, o)],
  ['listTenantReports', (c, o) => c.listTenantReports(reportId, o)],
  ['listStoredReports', (c, o) => c.listStoredReports(reportId, o)],
  ['waitForStoredReports', (c, o) => c.waitForStoredReports(reportId, o)],
  ['downloadStoredReport', (c, o) => c.downloadStoredReport(reportId, storedItem, o)],
  ['getApiClient', (c, o) => c.getApiClient(reportId, o)],
  ['getOwnTenantId', (c, o) => c.getOwnTenantId(o)],
  ['buildBillingReportRequest', (c, o) => c.buildBillingReportRequest(o)],
  ['createBillingReport', (c, o) => c.createBillingReport(o)],
  ['exportBillingReport', (c, o) => c.exportBillingReport(o)],
  ['getBillingLines', (c, o) => c.getBillingLines(reportId, o)],
  ['exportBillingLines', (c, o) => c.exportBillingLines(o)],
];

const withBody = (change: (body: Loose) => void) => (c: ReturnType<typeof countingClient>) => {
  const body: Loose = structuredClone(billingBody(reportId));
  change(body);
  return c.client.createReport(body);
};

const cases: Case[] = [
  // the constructor and its options
  ['createReportsClient(null)', ({ options }) => createReportsClient(null as Loose, options)],
  ['createReportsClient(undefined)', ({ options }) => createReportsClient(undefined as Loose, options)],
  ['credentials as a string', ({ options }) => createReportsClient('https://eu2-cloud.acronis.com' as Loose, options)],
  ['credentials as a list', ({ options }) => createReportsClient([] as Loose, options)],
  ['baseUrl a number', ({ credentials, options }) => createReportsClient({ ...credentials, baseUrl: 12345 } as Loose, options)],
  ['baseUrl missing', ({ credentials, options }) => createReportsClient({ clientId: credentials.clientId, clientSecret: 'x' } as Loose, options)],
  ['baseUrl ftp', ({ credentials, options }) => createReportsClient({ ...credentials, baseUrl: 'ftp://eu2-cloud.acronis.com' }, options)],
  ['baseUrl http off loopback', ({ credentials, options }) => createReportsClient({ ...credentials, baseUrl: 'http://eu2-cloud.acronis.com' }, options)],
  ['baseUrl with credentials', ({ credentials, options }) => createReportsClient({ ...credentials, baseUrl: 'https://a:b@eu2-cloud.acronis.com' }, options)],
  ['baseUrl with a path', ({ credentials, options }) => createReportsClient({ ...credentials, baseUrl: 'https://eu2-cloud.acronis.com/ui' }, options)],
  ['clientId: 12345', ({ credentials, options }) => createReportsClient({ ...credentials, clientId: 12345 } as Loose, options)],
  ['clientSecret a number', ({ credentials, options }) => createReportsClient({ ...credentials, clientSecret: 42 } as Loose, options)],
  ['clientId empty', ({ credentials, options }) => createReportsClient({ ...credentials, clientId: '  ' }, options)],
  ['clientSecret empty', ({ credentials, options }) => createReportsClient({ ...credentials, clientSecret: '' }, options)],
  ['an unknown credentials key', ({ credentials, options }) => createReportsClient({ ...credentials, tenant: 'x' } as Loose, options)],
  ['two ways to authenticate', ({ credentials, options }) => createReportsClient({ ...credentials, accessToken: 'abcdef' } as Loose, options)],
  ['accessToken a number', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, accessToken: 42 } as Loose, options)],
  ['accessToken empty', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, accessToken: '' }, options)],
  ['accessToken with CR LF', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, accessToken: 'abc\r\nX-Evil: 1' }, options)],
  ['accessToken with LF', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, accessToken: 'abcdef\n' }, options)],
  ['accessToken with an unknown key', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, accessToken: 'abcdef', secret: 1 } as Loose, options)],
  ['a tokenProvider that returns a token with CR LF', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, tokenProvider: () => 'abc\r\nX-Evil: 1' }, options).getReport(reportId)],
  ['a tokenProvider that returns a number', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, tokenProvider: () => 42 as Loose }, options).getReport(reportId)],
  ['tokenProvider a string', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, tokenProvider: 'token' } as Loose, options)],
  ['hostAuthenticates "yes"', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, hostAuthenticates: 'yes' } as Loose, options)],
  ['hostAuthenticates false', ({ credentials, options }) => createReportsClient({ baseUrl: credentials.baseUrl, hostAuthenticates: false } as Loose, options)],
  ['inherited credentials (__proto__)', ({ credentials, options }) => createReportsClient({ __proto__: credentials } as Loose, options)],
  ['options null', ({ credentials }) => createReportsClient(credentials, null as Loose)],
  ['options a string', ({ credentials }) => createReportsClient(credentials, 'fast' as Loose)],
  ['options with an unknown key', ({ credentials, options }) => createReportsClient(credentials, { ...options, timeoutMillis: 5 } as Loose)],
  ['timeoutMs -1', ({ credentials, options }) => createReportsClient(credentials, { ...options, timeoutMs: -1 })],
  ['timeoutMs NaN', ({ credentials, options }) => createReportsClient(credentials, { ...options, timeoutMs: Number.NaN })],
  ['timeoutMs Infinity', ({ credentials, options }) => createReportsClient(credentials, { ...options, timeoutMs: Number.POSITIVE_INFINITY })],
  ['timeoutMs a string', ({ credentials, options }) => createReportsClient(credentials, { ...options, timeoutMs: '30' } as Loose)],
  ['retry true', ({ credentials, options }) => createReportsClient(credentials, { ...options, retry: true } as Loose)],
  ['retry.maxRetries -1', ({ credentials, options }) => createReportsClient(credentials, { ...options, retry: { maxRetries: -1 } })],
  ['retry.maxRetries 1.5', ({ credentials, options }) => createReportsClient(credentials, { ...options, retry: { maxRetries: 1.5 } })],
  ['retry.budgetMs a string', ({ credentials, options }) => createReportsClient(credentials, { ...options, retry: { budgetMs: 'long' } } as Loose)],
  ['retry with an unknown key', ({ credentials, options }) => createReportsClient(credentials, { ...options, retry: { tries: 3 } } as Loose)],
  ['wait.timeoutMs 0', ({ credentials, options }) => createReportsClient(credentials, { ...options, wait: { timeoutMs: 0 } })],
  ['wait.factor 0.5', ({ credentials, options }) => createReportsClient(credentials, { ...options, wait: { factor: 0.5 } })],
  ['wait.initialDelayMs -5', ({ credentials, options }) => createReportsClient(credentials, { ...options, wait: { initialDelayMs: -5 } })],
  ['wait.timeoutMs Infinity', ({ credentials, options }) => createReportsClient(credentials, { ...options, wait: { timeoutMs: Number.POSITIVE_INFINITY } })],
  ['wait a number', ({ credentials, options }) => createReportsClient(credentials, { ...options, wait: 5 } as Loose)],
  ['wait with an unknown key', ({ credentials, options }) => createReportsClient(credentials, { ...options, wait: { pollMs: 5 } } as Loose)],
  ['fetch a string', ({ credentials, options }) => createReportsClient(credentials, { ...options, fetch: 'fetch' } as Loose)],
  ['onRequest a number', ({ credentials, options }) => createReportsClient(credentials, { ...options, onRequest: 1 } as Loose)],
  ['recoverLostCreates "no"', ({ credentials, options }) => createReportsClient(credentials, { ...options, recoverLostCreates: 'no' } as Loose)],
  ['runtime null', ({ credentials, options }) => createReportsClient(credentials, { ...options, runtime: null } as Loose)],
  ['runtime.sleep a number', ({ credentials, options }) => createReportsClient(credentials, { ...options, runtime: { ...options.runtime, sleep: 1 } } as Loose)],
  ['main entry without a runtime', ({ credentials }) => createWebClient(credentials, {} as Loose)],
  ['requestAccessToken(null)', () => requestAccessToken(null as Loose)],
  ['requestAccessToken clientId: 12345', ({ credentials }) => requestAccessToken({ ...credentials, clientId: 12345 } as Loose)],
  ['requestAccessToken options null', ({ credentials }) => requestAccessToken(credentials, null as Loose)],
  ['requestAccessToken main entry without a runtime', ({ credentials }) => requestWebToken(credentials, {} as Loose)],

  // ids and stored reports
  ['getReport(12345)', ({ client }) => client.getReport(12345)],
  ['getReport(null)', ({ client }) => client.getReport(null)],
  ['getReport(undefined)', ({ client }) => client.getReport(undefined)],
  ['getReport("not-a-uuid")', ({ client }) => client.getReport('not-a-uuid')],
  ['getReport with a path in the id', ({ client }) => client.getReport(`${reportId}/../../clients`)],
  ['updateReport bad id', ({ client }) => client.updateReport('x', { schedule: { enabled: false } })],
  ['deleteReport(12)', ({ client }) => client.deleteReport(12)],
  ['listStoredReports({})', ({ client }) => client.listStoredReports({})],
  ['waitForStoredReports(null)', ({ client }) => client.waitForStoredReports(null)],
  ['getApiClient("x")', ({ client }) => client.getApiClient('x')],
  ['listTenantReportIds(12345)', ({ client }) => client.listTenantReportIds(12345)],
  ['listTenantReportIds("x")', ({ client }) => client.listTenantReportIds('x')],
  ['listTenantReports(null)', ({ client }) => client.listTenantReports(null)],
  ['downloadStoredReport bad report id', ({ client }) => client.downloadStoredReport('x', storedItem)],
  ['downloadStoredReport(id, null)', ({ client }) => client.downloadStoredReport(reportId, null)],
  ['downloadStoredReport(id, 42)', ({ client }) => client.downloadStoredReport(reportId, 42)],
  ['downloadStoredReport(id, "not-a-uuid")', ({ client }) => client.downloadStoredReport(reportId, 'not-a-uuid')],
  ['stored report_format outside the enum', ({ client }) => client.downloadStoredReport(reportId, { ...storedItem, report_format: 'xlsx' })],
  ['stored report without report_format', ({ client }) => client.downloadStoredReport(reportId, { id: storedId })],
  ['stored report with a bad id', ({ client }) => client.downloadStoredReport(reportId, { ...storedItem, id: 'x' })],
  ['stored report id inherited (__proto__)', ({ client }) => client.downloadStoredReport(reportId, { __proto__: storedItem })],
  ['download option report a string', ({ client }) => client.downloadStoredReport(reportId, storedItem, { report: 'report' })],
  ['download option report without parameters', ({ client }) => client.downloadStoredReport(reportId, storedItem, { report: { id: reportId } })],

  // create bodies
  ['createReport(null)', ({ client }) => client.createReport(null)],
  ['createReport("report")', ({ client }) => client.createReport('report')],
  ['createReport([])', ({ client }) => client.createReport([])],
  ['createReport({})', ({ client }) => client.createReport({})],
  ['create with an unknown field', withBody((b) => (b.priority = 'high'))],
  ['create result_action keep', withBody((b) => (b.result_action = 'keep'))],
  ['create recipients with save', withBody((b) => (b.recipients = [reportId]))],
  ['create recipients not UUIDs', withBody((b) => ((b.result_action = 'send'), (b.recipients = ['bob'])))],
  ['create recipients a string', withBody((b) => (b.recipients = reportId))],
  ['create send without recipients', withBody((b) => (b.result_action = 'send'))],
  ['create recipients twice', withBody((b) => ((b.result_action = 'send'), (b.recipients = [reportId, reportId])))],
  ['create without parameters', withBody((b) => delete b.parameters)],
  ['create parameters a list', withBody((b) => (b.parameters = []))],
  ['create tenant_id 12345', withBody((b) => (b.parameters.tenant_id = 12345))],
  ['create without tenant_id', withBody((b) => delete b.parameters.tenant_id)],
  ['create level outside the enum', withBody((b) => (b.parameters.level = 'everyone'))],
  ['create kind outside the enum', withBody((b) => (b.parameters.kind = 'usage_weekly'))],
  ['create without kind', withBody((b) => delete b.parameters.kind)],
  ['create formats empty', withBody((b) => (b.parameters.formats = []))],
  ['create report_format outside the enum', withBody((b) => (b.parameters.formats = ['xlsx']))],
  ['create formats a string', withBody((b) => (b.parameters.formats = 'csv'))],
  ['create formats twice', withBody((b) => (b.parameters.formats = ['csv', 'csv']))],
  ['create period reversed', withBody((b) => (b.parameters.period = { start: '2026-10-31', end: '2026-10-01' }))],
  ['create period in the future', withBody((b) => (b.parameters.period = { start: '2026-10-01', end: '2099-10-31' }))],
  ['create period not dates', withBody((b) => (b.parameters.period = { start: '2026-02-30', end: 'soon' }))],
  ['create period a string', withBody((b) => (b.parameters.period = '2026-10'))],
  ['create period with an unknown key', withBody((b) => (b.parameters.period.month = 10))],
  ['create hide_zero_usage "true"', withBody((b) => (b.parameters.hide_zero_usage = 'true'))],
  ['create show_skus 1', withBody((b) => (b.parameters.show_skus = 1))],
  ['create parameters with an unknown field', withBody((b) => (b.parameters.currency = 'EUR'))],
  ['create without schedule', withBody((b) => delete b.schedule)],
  ['create schedule.type weekly', withBody((b) => (b.schedule.type = 'weekly'))],
  ['create schedule.enabled on a one-time report', withBody((b) => (b.schedule.enabled = true))],
  ['create schedule.enabled "yes"', withBody((b) => (b.schedule = { type: 'monthly', enabled: 'yes' }))],
  ['create generation_date not a date', withBody((b) => (b.generation_date = 'tomorrow'))],
  ['create with every required field inherited (__proto__)', ({ client }) => client.createReport({ __proto__: billingBody(reportId) })],
  ['create with an inherited tenant_id', withBody((b) => (b.parameters = { __proto__: { tenant_id: reportId }, kind: 'usage_summary', level: 'itself' }))],

  // update bodies
  ['update with no changes', ({ client }) => client.updateReport(reportId, {})],
  ['update null', ({ client }) => client.updateReport(reportId, null)],
  ['update with an unknown field', ({ client }) => client.updateReport(reportId, { name: 'x' })],
  ['update parameters.tenant_id', ({ client }) => client.updateReport(reportId, { parameters: { tenant_id: reportId } })],
  ['update schedule.type', ({ client }) => client.updateReport(reportId, { schedule: { type: 'once' } })],
  ['update recipients not UUIDs', ({ client }) => client.updateReport(reportId, { recipients: ['bob'] })],
  ['update level outside the enum', ({ client }) => client.updateReport(reportId, { parameters: { level: 'x' } })],

  // delete, list
  ['deleteReport version 0', ({ client }) => client.deleteReport(reportId, { version: 0 })],
  ['deleteReport version 1.5', ({ client }) => client.deleteReport(reportId, { version: 1.5 })],
  ['deleteReport version "3"', ({ client }) => client.deleteReport(reportId, { version: '3' })],
  ['listTenantReports concurrency 0', ({ client }) => client.listTenantReports(reportId, { concurrency: 0 })],
  ['listTenantReports concurrency 1.5', ({ client }) => client.listTenantReports(reportId, { concurrency: 1.5 })],
  ['listTenantReports concurrency "4"', ({ client }) => client.listTenantReports(reportId, { concurrency: '4' })],
  ['listTenantReports onProgress a string', ({ client }) => client.listTenantReports(reportId, { onProgress: 'stderr' })],
  ['reportPage offset -1', ({ client }) => client.reportPage(reportId, { offset: -1 })],
  ['reportPage offset "50"', ({ client }) => client.reportPage(reportId, { offset: '50' })],
  ['reportPage limit 0', ({ client }) => client.reportPage(reportId, { limit: 0 })],
  ['reportPage limit 501', ({ client }) => client.reportPage(reportId, { limit: 501 })],
  ['reportPage limit 2.5', ({ client }) => client.reportPage(reportId, { limit: 2.5 })],
  ['reportPage newestFirst "yes"', ({ client }) => client.reportPage(reportId, { newestFirst: 'yes' })],
  ['reportPage search a number', ({ client }) => client.reportPage(reportId, { search: 2026 })],
  ['reportPage scanLimit 0', ({ client }) => client.reportPage(reportId, { scanLimit: 0 })],
  ['reportPage tenant not a UUID', ({ client }) => client.reportPage('acme')],

  // wait options: some of these used to poll with no pause and never end
  ['wait timeoutMs 0', ({ client }) => client.waitForStoredReports(reportId, { timeoutMs: 0 })],
  ['wait timeoutMs -1', ({ client }) => client.waitForStoredReports(reportId, { timeoutMs: -1 })],
  ['wait timeoutMs NaN', ({ client }) => client.waitForStoredReports(reportId, { timeoutMs: Number.NaN })],
  ['wait timeoutMs Infinity', ({ client }) => client.waitForStoredReports(reportId, { timeoutMs: Number.POSITIVE_INFINITY })],
  ['wait timeoutMs "10"', ({ client }) => client.waitForStoredReports(reportId, { timeoutMs: '10' })],
  ['wait factor 0', ({ client }) => client.waitForStoredReports(reportId, { factor: 0 })],
  ['wait factor 0.5', ({ client }) => client.waitForStoredReports(reportId, { factor: 0.5 })],
  ['wait factor NaN', ({ client }) => client.waitForStoredReports(reportId, { factor: Number.NaN })],
  ['wait initialDelayMs 0', ({ client }) => client.waitForStoredReports(reportId, { initialDelayMs: 0 })],
  ['wait initialDelayMs -1', ({ client }) => client.waitForStoredReports(reportId, { initialDelayMs: -1 })],
  ['wait maxDelayMs 0', ({ client }) => client.waitForStoredReports(reportId, { maxDelayMs: 0 })],
  ['wait formats empty', ({ client }) => client.waitForStoredReports(reportId, { formats: [] })],
  ['wait formats unknown', ({ client }) => client.waitForStoredReports(reportId, { formats: ['xlsx'] })],
  ['wait formats a string', ({ client }) => client.waitForStoredReports(reportId, { formats: 'csv' })],
  ['wait since not a time', ({ client }) => client.waitForStoredReports(reportId, { since: 'last tuesday' })],
  ['wait onProgress a string', ({ client }) => client.waitForStoredReports(reportId, { onProgress: 'log' })],

  // billing
  ['createBillingReport({ mnth })', ({ client }) => client.createBillingReport({ mnth: '2026-10' })],
  ['billing month a number', ({ client }) => client.createBillingReport({ month: 202610 })],
  ['billing month 13', ({ client }) => client.createBillingReport({ month: '2026-13' })],
  ['billing month in the future', ({ client }) => client.createBillingReport({ month: '2099-01' })],
  ['billing level outside the enum', ({ client }) => client.createBillingReport({ level: 'everyone' })],
  ['billing formats empty', ({ client }) => client.createBillingReport({ formats: [] })],
  ['billing formats unknown', ({ client }) => client.createBillingReport({ formats: ['xlsx'] })],
  ['billing hideZeroUsage "yes"', ({ client }) => client.createBillingReport({ hideZeroUsage: 'yes' })],
  ['billing showSkus 0', ({ client }) => client.createBillingReport({ showSkus: 0 })],
  ['billing period a string', ({ client }) => client.createBillingReport({ period: '2026-10' })],
  ['billing period reversed', ({ client }) => client.createBillingReport({ period: { start: '2026-10-31', end: '2026-10-01' } })],
  ['billing tenantId a number', ({ client }) => client.createBillingReport({ tenantId: 5 })],
  ['billing tenantId not a UUID', ({ client }) => client.createBillingReport({ tenantId: 'acme' })],
  ['export without options', ({ client }) => client.exportBillingReport()],
  ['export without consume', ({ client }) => client.exportBillingReport({ month: '2026-10' })],
  ['export consume a string', ({ client }) => client.exportBillingReport({ consume: 'disk' })],
  ['export deleteAfterDownload "yes"', ({ client }) => client.exportBillingReport({ consume: async () => 1, deleteAfterDownload: 'yes' })],
  ['export timeoutMs -1', ({ client }) => client.exportBillingReport({ consume: async () => 1, timeoutMs: -1 })],
  ['export with an unknown key', ({ client }) => client.exportBillingReport({ consume: async () => 1, mnth: '2026-10' })],
  ['lines of a report id not a UUID', ({ client }) => client.getBillingLines('last-month')],
  ['lines previousReportId not a UUID', ({ client }) => client.getBillingLines(reportId, { previousReportId: 'september' })],
  ['lines previousReportId a number', ({ client }) => client.getBillingLines(reportId, { previousReportId: 9 })],
  ['lines figure unknown', ({ client }) => client.getBillingLines(reportId, { figure: 'absolute.all' })],
  ['lines includeZero "yes"', ({ client }) => client.getBillingLines(reportId, { includeZero: 'yes' })],
  ['lines changeThreshold -1', ({ client }) => client.getBillingLines(reportId, { changeThreshold: -1 })],
  ['lines mapping a string', ({ client }) => client.getBillingLines(reportId, { mapping: 'mapping.json' })],
  ['lines mapping with a bad price', ({ client }) => client.getBillingLines(reportId, { mapping: { products: [{ offering_item: 'storage', unit_price: -1 }] } })],
  ['export lines compare "yes"', ({ client }) => client.exportBillingLines({ compare: 'yes' })],
  ['export lines compare with a period', ({ client }) => client.exportBillingLines({ period: { start: '2026-10-01', end: '2026-10-31' }, compare: true, tenantId: reportId })],
  ['export lines month in the future', ({ client }) => client.exportBillingLines({ month: '2027-02', tenantId: reportId })],
  ['export lines formats given', ({ client }) => client.exportBillingLines({ formats: ['csv'] })],

  // huge input: refused with a bounded message
  ['100,000 bad recipients', withBody((b) => ((b.result_action = 'send'), (b.recipients = Array.from({ length: 100_000 }, (_, i) => `user-${i}`))))],
  ['100,000 unknown formats', ({ client }) => client.waitForStoredReports(reportId, { formats: Array.from({ length: 100_000 }, (_, i) => `f${i}`) })],
  ['an enormous tenant id', withBody((b) => (b.parameters.tenant_id = 'x'.repeat(1_000_000)))],
];

for (const [method, run] of methodsWithOptions) {
  for (const [what, value] of badOptionValues) cases.push([`${method} with options ${what}`, ({ client }) => run(client, value)]);
}

describe('bad input: every case refused with a typed error before any request', () => {
  it(`refuses all ${cases.length} cases`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const results: { name: string; refused: boolean; sent: number; messageLength: number; got: string }[] = [];
    for (const [name, run] of cases) {
      const context = countingClient();
      context.sim.control.clearRequests();
      const outcome = await Promise.resolve()
        .then(() => run(context))
        .then(
          () => null,
          (error: unknown) => error,
        );
      results.push({
        name,
        refused: outcome instanceof ValidationError,
        sent: context.sent.length + context.sim.control.requests().length,
        messageLength: outcome instanceof Error ? outcome.message.length : 0,
        got: outcome instanceof Error ? `${outcome.name}: ${outcome.message.slice(0, 120)}` : String(outcome),
      });
    }
    const wrong = results.filter((result) => !result.refused || result.sent > 0 || result.messageLength > 2000);
    expect(wrong).toEqual([]);
    console.log(`bad inputs refused before any request: ${results.filter((r) => r.refused && r.sent === 0).length} / ${results.length}`);
  });

  it('says a few issues of a huge bad input and counts the rest', async () => {
    const { client } = countingClient();
    const body: Loose = { ...billingBody(reportId), result_action: 'send', recipients: Array.from({ length: 100_000 }, (_, i) => `user-${i}`) };
    const error = (await client.createReport(body).catch((e: unknown) => e)) as ValidationError;
    expect(error.issues.length).toBeGreaterThanOrEqual(100_000);
    expect(error.message).toMatch(/; and 9999\d more\.$/);
    expect(error.message.length).toBeLessThan(1000);
  });

  it('names the unknown option rather than creating last month\'s report', async () => {
    const { client } = countingClient();
    const error = (await client.createBillingReport({ mnth: '2026-10' }).catch((e: unknown) => e)) as ValidationError;
    expect(error.issues).toEqual([expect.objectContaining({ field: 'options.mnth', message: expect.stringContaining('is not an option here') })]);
  });

  it('refuses recipients for a saved report with a clear message', async () => {
    const { client } = countingClient();
    const error = (await client.createReport({ ...billingBody(reportId), recipients: [reportId] }).catch((e: unknown) => e)) as ValidationError;
    expect(error.issues).toEqual([{ field: 'recipients', message: expect.stringContaining('must be empty when result_action is save') }]);
  });
});
