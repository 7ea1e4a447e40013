// Every failure becomes a tool result with isError: core's message and hint for a person (and the assistant) to act
// on, never a stack trace, and never a secret the server holds, whatever a data center echoed.
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AcronisReportsError, ValidationError, redact } from '@acronis-reports/core';

export function errorResult(error: unknown, secrets: readonly string[]): CallToolResult {
  let text: string;
  if (error instanceof ValidationError) text = `${error.summary}\nHint: correct the arguments named above and call the tool again.`;
  else if (error instanceof AcronisReportsError) text = error.hint ? `${error.summary}\nHint: ${error.hint}` : error.summary;
  else text = `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
  return { isError: true, content: [{ type: 'text', text: redact(text, secrets) }] };
}
