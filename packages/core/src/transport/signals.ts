/** One signal that aborts when either does, with the reason of the first (`AbortSignal.any` where it exists). */
export function eitherSignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const joined = new AbortController();
  for (const signal of [a, b]) {
    if (signal.aborted) {
      joined.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => joined.abort(signal.reason), { once: true, signal: joined.signal });
  }
  return joined.signal;
}
