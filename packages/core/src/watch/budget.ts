/** One piece of work of a poll: at most `cost` requests. */
export interface Job {
  cost: number;
}

/**
 * Runs `jobs` in their order, `width` at a time, while the requests they may still make fit in `limit`: a job starts
 * only when its most expensive path fits beside what the running jobs may still spend. What a job did not need goes
 * back to the pool when it ends. Jobs that do not fit wait for the next poll. `run` must not reject.
 */
export async function runWithin<T extends Job>(jobs: readonly T[], limit: number, width: number, run: (job: T, spend: () => void) => Promise<void>): Promise<{ spent: number; started: number }> {
  let spent = 0;
  let reserved = 0;
  let started = 0;
  const running = new Set<Promise<void>>();
  for (const job of jobs) {
    while (running.size >= width || (running.size > 0 && spent + reserved + job.cost > limit)) await Promise.race(running);
    if (spent + reserved + job.cost > limit) break;
    reserved += job.cost;
    started += 1;
    let used = 0;
    const done: Promise<void> = run(job, () => (used += 1)).finally(() => {
      reserved -= job.cost;
      spent += Math.min(used, job.cost);
      running.delete(done);
    });
    running.add(done);
  }
  await Promise.all(running);
  return { spent, started };
}
