export const faultTypes = ['status', 'latency', 'drop', 'truncate', 'fail-generation', 'usage-history-late'] as const;

export type FaultType = (typeof faultTypes)[number];

export interface FaultSpec {
  type: FaultType;
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only request paths matching this pattern: `*` stands for one path segment, `**` for any rest. */
  path?: string;
  /** How many matching requests (or generations) it affects; default 1. */
  times?: number;
  /** Affects every match until the faults are cleared. */
  always?: boolean;
  /** `status`: the status code to answer, for example 429, 500, 502, 503. */
  status?: number;
  /** `status`: seconds for a `Retry-After` header. */
  retryAfter?: number;
  /** `status`: the error message. */
  message?: string;
  /** `latency`: milliseconds to wait before answering. */
  delayMs?: number;
  /** `drop`: close the connection before handling the request (default) or after, once its effects are done. */
  phase?: 'before' | 'after';
  /** `truncate`: share of the body sent before the connection is cut (default 0.5). */
  fraction?: number;
  /** `fail-generation`: only stored reports of this format. */
  format?: string;
}

export interface Fault extends FaultSpec {
  id: number;
  remaining: number;
}

/** The faults that answer (or spoil) a request; latency adds up on top of one of them. */
const requestFaults: readonly FaultType[] = ['status', 'drop', 'truncate', 'usage-history-late'];

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]+').replace(/\u0000/g, '.*')}$`);
}

export function validateFaultSpec(spec: FaultSpec): string | null {
  if (!(faultTypes as readonly string[]).includes(spec.type)) return `type must be one of ${faultTypes.join(', ')}`;
  if (spec.type === 'status' && !(Number.isInteger(spec.status) && spec.status! >= 400 && spec.status! <= 599)) {
    return 'a status fault needs status between 400 and 599';
  }
  if (spec.type === 'latency' && !(typeof spec.delayMs === 'number' && spec.delayMs >= 0)) return 'a latency fault needs delayMs';
  if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times > 0)) return 'times must be a positive integer';
  if (spec.fraction !== undefined && !(spec.fraction >= 0 && spec.fraction < 1)) return 'fraction must be at least 0 and below 1';
  if (spec.phase !== undefined && !['before', 'after'].includes(spec.phase)) return 'phase must be before or after';
  return null;
}

/** Faults injected on demand; each applies to the next matching requests (or generations) and then wears off. */
export class FaultBook {
  private faults: Fault[] = [];
  /** Each fault's path pattern, compiled once when it is added. */
  private readonly paths = new WeakMap<Fault, RegExp>();
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    if (spec.type === 'usage-history-late') spec = { method: 'POST', path: '/api/2/reports', ...spec };
    const fault: Fault = { ...spec, id: this.nextId++, remaining: spec.always ? Number.POSITIVE_INFINITY : (spec.times ?? 1) };
    if (fault.path) this.paths.set(fault, globToRegExp(fault.path));
    this.faults.push(fault);
    return fault;
  }

  list(): Fault[] {
    return this.faults.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.faults = [];
  }

  /** The total extra latency and the first terminal fault for a request, each consumed once. */
  forRequest(method: string, path: string): { delayMs: number; fault: Fault | null } {
    const matching = this.faults.filter(
      (fault) =>
        fault.remaining > 0 &&
        (!fault.method || fault.method.toUpperCase() === method.toUpperCase()) &&
        (!fault.path || this.paths.get(fault)!.test(path)),
    );
    let delayMs = 0;
    for (const fault of matching.filter((f) => f.type === 'latency')) {
      delayMs += fault.delayMs ?? 0;
      this.consume(fault);
    }
    const fault = matching.find((f) => requestFaults.includes(f.type)) ?? null;
    if (fault) this.consume(fault);
    return { delayMs, fault };
  }

  /** Whether a stored report about to be generated in `format` must fail. */
  takeGenerationFailure(format: string): boolean {
    const fault = this.faults.find((f) => f.type === 'fail-generation' && f.remaining > 0 && (!f.format || f.format === format));
    if (!fault) return false;
    this.consume(fault);
    return true;
  }

  private consume(fault: Fault): void {
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
  }
}
