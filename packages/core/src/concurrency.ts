/**
 * `run` over `values`, at most `limit` at a time, results in the order of `values`. The first failure rejects
 * the whole (the runs already started finish on their own; no new one starts). The one bounded-concurrency
 * helper of the project: core's listings and every host use it.
 */
export async function mapLimited<T, R>(values: readonly T[], limit: number, run: (value: T, index: number) => Promise<R>): Promise<R[]> {
  const width = Math.max(1, Math.floor(Number.isFinite(limit) ? limit : 1));
  const results: R[] = new Array(values.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < values.length) {
      const index = next++;
      try {
        results[index] = await run(values[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, values.length) }, worker));
  return results;
}

/** How many reports a listing fetches at once: `concurrency` when given (1 to 16), else 4. */
export const reportFetchWidth = (concurrency: number | undefined): number => Math.max(1, Math.min(concurrency ?? 4, 16));
