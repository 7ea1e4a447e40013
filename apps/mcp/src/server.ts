// The MCP server: every tool and prompt, over one lazily opened reports client.
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { LazyConnection } from './connection.js';
import { registerPrompts } from './prompts.js';
import type { ServerSettings } from './settings.js';
import { registerTool, writesOffHint, type ToolSpec } from './tool-kit.js';
import { billingLines, createBillingReport, monthSummary } from './tools/billing.js';
import { createReport, deleteReport, getReport, listReports, listStoredFiles, updateReport } from './tools/reports.js';

// Tools of different schemas in one list: each was checked against its own schemas where it is defined.
export const tools: ToolSpec<any, any>[] = [listReports, getReport, listStoredFiles, billingLines, monthSummary, createBillingReport, createReport, updateReport, deleteReport];

export function createServer(info: { name: string; version: string }, settings: ServerSettings, connection: LazyConnection): McpServer {
  const instructions = [
    'Acronis Cyber Platform usage and billing reports. Start a billing question with month_summary, then billing_lines for the customers of interest;',
    'both read stored reports and create nothing. create_billing_report makes the month\'s report when none exists.',
    settings.allowWrites ? 'Writes are on: create, update and delete tools change reports at the data center; confirm with the user first.' : writesOffHint,
  ].join(' ');
  const server = new McpServer(info, { capabilities: { tools: {}, prompts: {} }, instructions });
  for (const tool of tools) registerTool(server, tool, connection, settings);
  registerPrompts(server);
  return server;
}
