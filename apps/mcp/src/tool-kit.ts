// One place that turns a tool description into a registered MCP tool: annotations from what the tool does, writes
// refused while they are off, progress notifications, and errors as tool results.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult, ServerNotification, ServerRequest, ToolAnnotations } from '@modelcontextprotocol/sdk/types.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { z } from 'zod';
import type { ReportsClient } from '@acronis-reports/core';
import type { LazyConnection } from './connection.js';
import type { ServerSettings } from './settings.js';
import { errorResult } from './tool-errors.js';

/** What a tool does at the data center; its MCP annotations follow from it. */
export type ToolEffect = 'read' | 'create' | 'change' | 'delete';

const annotationsOf: Record<ToolEffect, Required<Omit<ToolAnnotations, 'title'>>> = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  // A second call makes a second report.
  create: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  // Replaces settings; the same change twice leaves the report as once.
  change: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  delete: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
};

export interface ToolContext {
  client: ReportsClient;
  settings: ServerSettings;
  /** Sends a progress notification when the caller asked for them (a progressToken); otherwise does nothing. */
  progress(message: string): void;
  signal: AbortSignal;
}

export interface ToolAnswer<T> {
  /** The structured content, checked against the tool's output schema. */
  data: T;
  /** A few lines for people and for clients that read text only. */
  text: string;
}

export interface ToolSpec<In extends z.ZodRawShape, Out extends z.ZodRawShape> {
  name: string;
  title: string;
  description: string;
  effect: ToolEffect;
  input: In;
  output: Out;
  run(args: z.infer<z.ZodObject<In>>, context: ToolContext): Promise<ToolAnswer<z.infer<z.ZodObject<Out>>>>;
}

export const writesOffHint = 'Writes are off in this server. Start it with --allow-writes, or set ACRONIS_MCP_ALLOW_WRITES=1 in its environment, to let the assistant change reports.';

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

/** Progress notifications for one call; `flush` waits for those sent, so none arrives after the call's result. */
function progressSender(extra: Extra): { send: (message: string) => void; flush: () => Promise<void> } {
  const token = extra._meta?.progressToken;
  const sent: Promise<void>[] = [];
  let step = 0;
  return {
    send(message) {
      if (token === undefined) return;
      step++;
      // A notification that cannot be sent (the client went away) must not fail the tool.
      sent.push(extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: step, message } }).catch(() => undefined));
    },
    flush: async () => {
      await Promise.all(sent);
    },
  };
}

export function registerTool<In extends z.ZodRawShape, Out extends z.ZodRawShape>(
  server: McpServer,
  spec: ToolSpec<In, Out>,
  connection: LazyConnection,
  settings: ServerSettings,
): void {
  const writes = spec.effect !== 'read';
  const refused = writes && !settings.allowWrites;
  const description = refused ? `${spec.description}\n\nOff in this server: it refuses to run until writes are allowed (--allow-writes).` : spec.description;
  server.registerTool(
    spec.name,
    { title: spec.title, description, inputSchema: spec.input, outputSchema: spec.output, annotations: { title: spec.title, ...annotationsOf[spec.effect] } },
    // The SDK has checked the arguments against the input schema before this runs.
    (async (args: z.infer<z.ZodObject<In>>, extra: Extra): Promise<CallToolResult> => {
      if (refused) return { isError: true, content: [{ type: 'text', text: `${spec.title} changes reports at the data center, and nothing was sent.\nHint: ${writesOffHint}` }] };
      let secrets = connection.knownSecrets();
      try {
        const open = await connection.get();
        secrets = open.secrets;
        const progress = progressSender(extra);
        const answer = await spec.run(args, { client: open.client, settings, progress: progress.send, signal: extra.signal }).finally(progress.flush);
        return { content: [{ type: 'text', text: answer.text }], structuredContent: answer.data as Record<string, unknown> };
      } catch (error) {
        return errorResult(error, secrets);
      }
    // The SDK infers its callback type from a concrete schema; over this generic one it cannot, hence the cast.
    }) as never,
  );
}

/** A tool description with its argument and result types inferred from its schemas. */
export const defineTool = <In extends z.ZodRawShape, Out extends z.ZodRawShape>(spec: ToolSpec<In, Out>): ToolSpec<In, Out> => spec;
