/**
 * What core needs from its host besides fetch: a way to wait and a clock. The main entry never reaches for timer
 * globals (n8n's rules forbid them in community nodes); the Node entry and each host pass their own.
 */
export interface Runtime {
  /** Resolves after `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** A number in [0, 1), for retry jitter. */
  random(): number;
  /**
   * Optional: calls `onExpire` after `ms` unless the returned function is called first. Cheaper than aborting a
   * sleep for every request that answers in time; without it, timeouts are built on `sleep`.
   */
  startTimer?(ms: number, onExpire: () => void): () => void;
}

/**
 * A cancellable timer from the runtime: its own when it has one, else a sleep that is aborted to cancel it.
 * `onFail` hears of a host sleep that failed, so that whoever relies on the timer can arm another later.
 */
export function startTimer(runtime: Runtime, ms: number, onExpire: () => void, onFail?: () => void): () => void {
  if (runtime.startTimer) return runtime.startTimer(ms, onExpire);
  const cancel = new AbortController();
  runtime.sleep(ms, cancel.signal).then(onExpire, () => (cancel.signal.aborted ? undefined : onFail?.()));
  return () => cancel.abort();
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
