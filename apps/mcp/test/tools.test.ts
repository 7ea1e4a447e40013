// What an assistant sees before it calls anything, and what it gets back when a call cannot succeed: tools with
// schemas from core and honest annotations, prompts, writes refused while off, errors with a hint and no secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldDescriptions, reportFormats, reportKinds, updateFieldKeys } from '@acronis-reports/core';
import { call, connect, credentialsOf, textOf, useSimulator, type Session } from './support.js';

const sim = useSimulator();

describe('tools, schemas and prompts (writes off)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await connect(credentialsOf(sim()));
  });
  afterAll(() => session.close());

  it('lists every tool with annotations that say what it does at the data center', async () => {
    const { tools } = await session.client.listTools();
    const annotations = Object.fromEntries(tools.map((tool) => [tool.name, tool.annotations]));
    const flags = (name: string) => {
      const a = annotations[name]!;
      return [a.readOnlyHint, a.destructiveHint, a.idempotentHint, a.openWorldHint];
    };
    expect(Object.keys(annotations).sort()).toEqual([
      'billing_lines', 'create_billing_report', 'create_report', 'delete_report', 'get_report', 'list_reports', 'list_stored_files', 'month_summary', 'update_report',
    ]);
    for (const name of ['list_reports', 'get_report', 'list_stored_files', 'billing_lines', 'month_summary']) expect(flags(name)).toEqual([true, false, true, true]);
    for (const name of ['create_report', 'create_billing_report']) expect(flags(name)).toEqual([false, false, false, true]);
    for (const name of ['update_report', 'delete_report']) expect(flags(name)).toEqual([false, true, true, true]);
    for (const tool of tools) expect(tool.outputSchema?.type, tool.name).toBe('object');
  });

  it("builds input schemas from core's fields, enums and help texts", async () => {
    const { tools } = await session.client.listTools();
    const create = tools.find((tool) => tool.name === 'create_report')!;
    const update = tools.find((tool) => tool.name === 'update_report')!;
    const properties = create.inputSchema.properties as Record<string, { enum?: string[]; description?: string; items?: { enum?: string[] } }>;
    expect(properties['kind']!.enum).toEqual([...reportKinds]);
    expect(properties['kind']!.description).toBe(fieldDescriptions.kind);
    expect(properties['formats']!.items!.enum).toEqual([...reportFormats]);
    expect(Object.keys(update.inputSchema.properties!).sort()).toEqual(['reportId', ...updateFieldKeys].sort());
    expect(create.description).toContain('refuses to run until writes are allowed');
  });

  it('offers the two prompts, filled with the month asked for', async () => {
    const { prompts } = await session.client.listPrompts();
    expect(prompts.map((prompt) => prompt.name).sort()).toEqual(['explain_customer_usage', 'monthly_billing_review']);
    const review = await session.client.getPrompt({ name: 'monthly_billing_review', arguments: { month: '2026-10' } });
    expect(JSON.stringify(review.messages)).toContain('month_summary with month \\"2026-10\\"');
    const explain = await session.client.getPrompt({ name: 'explain_customer_usage', arguments: { customer: 'C-1003' } });
    expect(JSON.stringify(explain.messages)).toContain('tenants [\\"C-1003\\"]');
  });

  it('refuses every write while writes are off, and sends nothing', async () => {
    sim().control.clearRequests();
    const attempts = [
      ['create_report', { month: '2026-10' }],
      ['create_billing_report', { month: '2026-10' }],
      ['update_report', { reportId: '00000000-0000-4000-8000-000000000000', enabled: false }],
      ['delete_report', { reportId: '00000000-0000-4000-8000-000000000000' }],
    ] as const;
    for (const [name, args] of attempts) {
      const result = await call(session, name, args);
      expect(result.isError, name).toBe(true);
      expect(textOf(result)).toContain('ACRONIS_MCP_ALLOW_WRITES=1');
    }
    expect(sim().control.requests()).toEqual([]);
  });

  it("answers core's error and hint as a tool error: an unknown report, a bad id, a month without a report", async () => {
    const missing = await call(session, 'get_report', { reportId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toMatch(/not found[\s\S]*\nHint: /i);
    expect(textOf(missing)).not.toMatch(/\bat .*\.js:\d+/); // no stack

    const badId = await call(session, 'get_report', { reportId: 'not-a-uuid' });
    expect(badId.isError).toBe(true);
    expect(textOf(badId)).toContain('reportId');

    const noReport = await call(session, 'billing_lines', { month: '2026-06' });
    expect(noReport.isError).toBe(true);
    expect(textOf(noReport)).toContain('No stored billing report of 2026-06');
    expect(textOf(noReport)).toContain('create_billing_report');
  });

  it('checks a mapping file before anything is read', async () => {
    const result = await call(session, 'billing_lines', { month: '2026-10', mappingFile: '/nonexistent/mapping.json' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('mappingFile cannot be read (ENOENT)');
  });
});

describe('credentials and secrets', () => {
  it('says how to configure credentials when there are none, without failing the handshake', async () => {
    const session = await connect({});
    try {
      const result = await call(session, 'list_reports');
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('No credentials are configured');
      expect(textOf(result)).toContain('ACRONIS_CLIENT_SECRET_FILE');
    } finally {
      await session.close();
    }
  });

  it('never shows a wrong secret', async () => {
    const secret = 'wrong-secret-q8w7e6r5t4';
    const session = await connect({ ...credentialsOf(sim()), ACRONIS_CLIENT_SECRET: secret });
    try {
      const result = await call(session, 'list_reports');
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/\nHint: Check the client id and secret/);
      expect(JSON.stringify(result) + session.stderr()).not.toContain(secret);
    } finally {
      await session.close();
    }
  });

  it('never shows the secret a data center echoes in its error', async () => {
    const { clientSecret } = sim();
    sim().control.addFault({ type: 'status', status: 403, path: '/api/2/tenants/**', message: `Access denied for client secret ${clientSecret}`, times: 1 });
    const session = await connect(credentialsOf(sim()));
    try {
      const result = await call(session, 'list_reports');
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('Access denied for client secret [redacted]');
      expect(JSON.stringify(result) + session.stderr()).not.toContain(clientSecret);
    } finally {
      sim().control.clearFaults();
      await session.close();
    }
  });
});
