export interface LoggedRequest {
  seq: number;
  /** Simulated time of arrival, ISO 8601. */
  at: string;
  method: string;
  /** Path with query string, as received. */
  path: string;
  operationId: string | null;
  /** Answered status, or 0 when the connection was dropped without one. */
  status: number;
  /** The injected fault that shaped the answer, if any. */
  fault: string | null;
  /** Real time the simulator spent on the request until its answer was ready (injected latency excluded). */
  handlingMs: number;
}

/** Every API request the simulator answered (control requests excluded), for tests that count calls. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  record(entry: Omit<LoggedRequest, 'seq'>): void {
    this.entries.push({ seq: ++this.seq, ...entry });
    if (this.entries.length > 10_000) this.entries.splice(0, this.entries.length - 10_000);
  }

  list(): LoggedRequest[] {
    return [...this.entries];
  }

  clear(): void {
    this.entries = [];
  }
}
