import { redact } from './redact.js';

/** How deep a vendor body or a cause chain is followed; deeper parts are dropped rather than kept unchecked. */
const maxDepth = 8;

/**
 * The secrets one client holds (client secret, the Basic value made from it, every access token it sent or
 * received), so that whatever core keeps of an answer or a failure can be cleaned of them: messages, the vendor's
 * error body, and the chain of causes.
 */
export class Secrets {
  private readonly known = new Set<string>();

  add(secret: string | undefined): void {
    if (secret && secret.length >= 4) this.known.add(secret);
  }

  text(text: string): string {
    return redact(text, [...this.known]);
  }

  /** A copy of a JSON value with every string cleaned; keys are kept, values of secret-named keys are dropped. */
  value(value: unknown, depth = 0): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    if (depth >= maxDepth) return '[omitted]';
    if (Array.isArray(value)) return value.map((item) => this.value(item, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      copy[key] = /authorization|token|secret|password|cookie/i.test(key) && typeof item === 'string' ? '[redacted]' : this.value(item, depth + 1);
    }
    return copy;
  }

  /**
   * A stand-in for a foreign error (a fetch TypeError, a host's error): its name, cleaned message and stack, its
   * system `code`, and its cause the same way. Nothing else of it is kept: hosts' errors may carry the request
   * with its headers.
   */
  error(error: unknown, depth = 0): unknown {
    if (!(error instanceof Error) && (typeof error !== 'object' || error === null)) return typeof error === 'string' ? this.text(error) : error;
    if (depth >= maxDepth) return undefined;
    const source = error as { name?: unknown; message?: unknown; stack?: unknown; code?: unknown; cause?: unknown };
    const cause = source.cause === undefined ? undefined : this.error(source.cause, depth + 1);
    const copy = new Error(this.text(String(source.message ?? '')), cause === undefined ? undefined : { cause });
    copy.name = typeof source.name === 'string' ? source.name : 'Error';
    copy.stack = typeof source.stack === 'string' ? this.text(source.stack) : `${copy.name}: ${copy.message}`;
    if (typeof source.code === 'string' || typeof source.code === 'number') (copy as Error & { code?: unknown }).code = source.code;
    return copy;
  }
}
