import type { IncomingMessage, ServerResponse } from 'node:http';
import { VendorError } from './vendor-error.js';

const maxBodyBytes = 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBodyBytes) throw new VendorError(413, 'Request body is larger than 1 MB.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export interface JsonAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function encodeAnswer(answer: JsonAnswer): { status: number; headers: Record<string, string>; payload: Buffer } {
  const payload = answer.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(answer.body));
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
  headers['content-length'] = String(payload.length);
  return { status: answer.status, headers, payload };
}

export function writeAnswer(response: ServerResponse, answer: JsonAnswer): void {
  const { status, headers, payload } = encodeAnswer(answer);
  response.writeHead(status, headers);
  response.end(payload);
}

export const mediaTypeOf = (header: string | undefined) => (header ?? '').split(';')[0]!.trim().toLowerCase();
