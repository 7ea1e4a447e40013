import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Answer } from './api.js';
import { encodeAnswer } from './io.js';

export type Delivery = { kind: 'whole' } | { kind: 'truncate'; fraction: number } | { kind: 'drop' };

/** Writes an answer, or spoils it on purpose: cut the body short, or close the connection without a word. */
export async function deliver(response: ServerResponse, answer: Answer, delivery: Delivery): Promise<void> {
  if (delivery.kind === 'drop') {
    if ('stream' in answer) answer.stream.destroy();
    response.socket?.destroy();
    return;
  }
  const { status, headers, body } =
    'stream' in answer
      ? { status: answer.status, headers: answer.headers, body: answer.stream }
      : (({ status, headers, payload }) => ({ status, headers, body: Readable.from([payload]) }))(encodeAnswer(answer));
  response.writeHead(status, headers);
  if (delivery.kind === 'whole') {
    await pipeline(body, response).catch(() => {
      // the client went away mid-body; nothing to clean up beyond what pipeline destroyed
    });
    return;
  }
  response.flushHeaders();
  const limit = Math.floor(Number(headers['content-length'] ?? 0) * delivery.fraction);
  let sent = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const piece = chunk.subarray(0, Math.max(0, limit - sent));
    sent += piece.length;
    if (piece.length > 0) await new Promise((resolve) => response.write(piece, resolve));
    if (sent >= limit) break;
  }
  body.destroy();
  response.socket?.destroy();
}
