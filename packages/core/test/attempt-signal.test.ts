import { describe, expect, it } from 'vitest';
import { nodeRuntime } from '../src/node/runtime.js';
import { Secrets } from '../src/secrets.js';
import { attempts } from '../src/transport/attempt.js';

const url = 'http://127.0.0.1:9/api/2/reports/00000000-0000-4000-8000-000000000000';

function attemptWith(answer: () => Response) {
  const sent: AbortSignal[] = [];
  const attempt = attempts({ runtime: nodeRuntime, timeoutMs: 10_000, baseUrl: 'http://127.0.0.1:9', secrets: new Secrets(), fetch: async (request) => (sent.push(request.signal), answer()) });
  return { attempt, sent };
}

describe("an attempt's own signal", () => {
  it("stays hooked to the caller's signal while a file streams on, so the caller's abort stops it", async () => {
    const { attempt, sent } = attemptWith(() => new Response(new ReadableStream({ pull: () => undefined }), { headers: { 'content-type': 'application/gzip' } }));
    const caller = new AbortController();
    const reason = new Error('the user cancelled');
    await attempt(new Request(url, { signal: caller.signal }));
    expect(sent[0]?.aborted).toBe(false);
    caller.abort(reason);
    expect(sent[0]?.aborted).toBe(true);
    expect(sent[0]?.reason).toBe(reason);
  });

  it("starts aborted with the caller's reason when the caller gave up before it was sent", async () => {
    const { attempt, sent } = attemptWith(() => Response.json({}));
    const caller = new AbortController();
    const reason = new Error('too late');
    caller.abort(reason);
    await attempt(new Request(url, { signal: caller.signal })).catch(() => undefined);
    expect(sent[0]?.reason).toBe(reason);
  });
});
