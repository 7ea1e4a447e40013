import { describe, expect, it } from 'vitest';
import { createOpenApiValidator, formatViolations, listOperations, loadOpenApiDocument } from '../src/index.js';

const document = loadOpenApiDocument();
const validator = createOpenApiValidator(document);
const schema = (name: string) => `#/components/schemas/${name}`;
const enumOf = (name: string) => (document.components['schemas']![name] as { enum: string[] }).enum;
const tenantId = 'ede9f834-70b3-476c-83d9-736f9f8c7dae';

type CreateOperation = { requestBody: { content: Record<string, { examples: Record<string, { value: unknown }> }> } };
const createReport = document.paths['/reports']!['post'] as CreateOperation;
const billingExample = createReport.requestBody.content['application/json']!.examples['billing']!.value;
/** The description's own billing example (the vendor guide's request), a fresh copy for each test to change. */
const billingRequest = () => structuredClone(billingExample) as { parameters: Record<string, unknown>; [key: string]: unknown };

describe('operations', () => {
  const operations = listOperations(document);
  const byId = new Map(operations.map((operation) => [operation.operationId, operation]));

  it('covers every endpoint of the reports API with a unique operationId', () => {
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path} ${o.operationId}`).sort()).toEqual([
      'DELETE /reports/{report_id} deleteReport',
      'GET /clients/{client_id} fetchClient',
      'GET /reports/{report_id} fetchReport',
      'GET /reports/{report_id}/stored fetchStoredReports',
      'GET /reports/{report_id}/stored/{stored_report_id} downloadStoredReport',
      'GET /tenants/{tenant_id}/reports fetchTenantReports',
      'POST /idp/token requestToken',
      'POST /reports createReport',
      'PUT /reports/{report_id} updateReport',
    ]);
  });

  it('takes HTTP Basic on the token endpoint and a bearer token everywhere else', () => {
    for (const operation of operations) {
      if (operation.operationId === 'requestToken') expect(operation.security).toEqual(['basicAuth']);
      else expect(operation.security).toContain('bearerAuth');
    }
  });

  it('types every id in a path as a lowercase UUID', () => {
    for (const operation of operations) {
      for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
        expect(validator.validate(parameter.schemaPointer, tenantId), parameter.name).toEqual([]);
        expect(validator.validate(parameter.schemaPointer, tenantId.toUpperCase())).not.toEqual([]);
        expect(validator.validate(parameter.schemaPointer, '../tenants')).not.toEqual([]);
      }
    }
  });

  it('declares the decided status codes: 404 on report paths, 409 on delete, OAuth errors on the token call', () => {
    for (const operation of operations.filter((o) => o.path.startsWith('/reports/'))) {
      expect(Object.keys(operation.responses), operation.operationId).toContain('404');
    }
    expect(Object.keys(byId.get('deleteReport')!.responses)).toEqual(expect.arrayContaining(['204', '409']));
    expect(byId.get('requestToken')!.responses['401']!.schemaPointer).toBe('#/components/responses/OAuthError/content/application~1json/schema');
    expect(Object.keys(byId.get('createReport')!.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '415', '500']));
  });

  it('requires the current version as an integer query parameter on delete', () => {
    const version = byId.get('deleteReport')!.parameters.find((p) => p.name === 'version')!;
    expect(version).toMatchObject({ in: 'query', required: true });
    expect(validator.validate(version.schemaPointer, 3)).toEqual([]);
    expect(validator.validate(version.schemaPointer, 0)).not.toEqual([]);
  });
});

describe('enumerations', () => {
  it('are complete, with json_v2_0 a valid format everywhere', () => {
    expect(enumOf('ReportKind')).toEqual(['usage_daily', 'usage_summary', 'usage_current', 'usage_breakdown']);
    expect(enumOf('ReportLevel')).toEqual(['itself', 'direct_partners', 'all_partners', 'all_customers', 'accounts']);
    expect(enumOf('ReportFormat')).toEqual(['csv', 'html', 'json_v1', 'csv_v2_0', 'json_v2_0']);
    expect(enumOf('ScheduleType')).toEqual(['once', 'monthly']);
    expect(enumOf('ResultAction')).toEqual(['save', 'send']);
    expect(enumOf('StoredReportStatus')).toEqual(['in_progress', 'saved', 'failed']);
    const stored = { id: tenantId, report_format: 'json_v2_0', size: 10, created_at: '2017-01-01T12:07:53', status: 'saved' };
    expect(validator.validate(schema('StoredReport'), stored)).toEqual([]);
  });
});

describe('help texts', () => {
  it('describe every value of every enumeration, for dropdowns', () => {
    for (const name of ['ReportKind', 'ReportLevel', 'ReportFormat', 'ScheduleType', 'ResultAction', 'StoredReportStatus']) {
      const schema = document.components['schemas']![name] as { enum: string[]; 'x-enumDescriptions': Record<string, string>; description: string };
      expect(Object.keys(schema['x-enumDescriptions']), name).toEqual(schema.enum);
      expect(Object.values(schema['x-enumDescriptions']).every((text) => /^[A-Z].*\.$/.test(text)), name).toBe(true);
      expect(schema.description.length, name).toBeGreaterThan(20);
    }
  });
});

describe('create body', () => {
  const check = (body: unknown) => formatViolations(validator.validate(schema('ReportCreateRequest'), body));

  it('accepts the vendor billing request and a save request without recipients', () => {
    expect(check(billingRequest())).toBe('');
    // the example is the vendor guide's stored billing request, as the tests below assume
    expect(billingRequest()).toEqual({
      parameters: expect.objectContaining({ kind: 'usage_summary', tenant_id: tenantId, period: { start: '2017-05-01', end: '2017-05-07' } }),
      schedule: { type: 'once' },
      result_action: 'save',
    });
  });

  it('refuses unknown fields, including a top-level period', () => {
    expect(check({ ...billingRequest(), period: { start: '2017-05-01', end: '2017-05-07' } })).toBe('period is not a known field');
    const typo = billingRequest() as any;
    typo.parameters.hide_zero = true;
    expect(check(typo)).toBe('parameters.hide_zero is not a known field');
  });

  it('requires non-empty recipients for send', () => {
    const send = { ...billingRequest(), result_action: 'send' };
    expect(check(send)).toBe('recipients is required');
    expect(check({ ...send, recipients: [] })).toBe('recipients must NOT have fewer than 1 items');
    expect(check({ ...send, recipients: ['ca451758-b48a-45d9-9ae6-8f1059f67619'] })).toBe('');
  });

  it('refuses bad enums, malformed ids, string booleans and missing required fields', () => {
    const bad = billingRequest() as any;
    bad.parameters.kind = 'usage_weekly';
    bad.parameters.tenant_id = 'EDE9F834-70B3-476C-83D9-736F9F8C7DAE';
    bad.parameters.show_skus = 'true';
    delete bad.schedule;
    expect(check(bad)).toBe(
      'schedule is required; parameters.tenant_id must be a lowercase UUID; parameters.kind must be one of usage_daily, usage_summary, usage_current, usage_breakdown; parameters.show_skus must be boolean',
    );
  });
});

describe('update body', () => {
  const check = (body: unknown) => formatViolations(validator.validate(schema('ReportUpdateRequest'), body));

  it('allows only recipients, level, kind, hide_zero_usage, show_skus and schedule.enabled', () => {
    expect(check({ recipients: ['ca451758-b48a-45d9-9ae6-8f1059f67619'], parameters: { kind: 'usage_current', level: 'direct_partners' } })).toBe('');
    expect(check({ schedule: { enabled: false } })).toBe('');
    expect(check({ parameters: { tenant_id: tenantId } })).toBe('parameters.tenant_id is not a known field');
    expect(check({ schedule: { type: 'monthly' } })).toBe('schedule.type is not a known field');
    expect(check({ version: 2 })).toBe('version is not a known field');
    expect(check({})).toBe('body must NOT have fewer than 1 properties');
  });
});
