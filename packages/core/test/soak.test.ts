import { describe, expect, it } from 'vitest';
import { createReportsClient, nodeRuntime, saveDownload } from '../src/node/index.js';
import { printSoak, runSoak } from '../soak/soak.mjs';
import { useSimulator } from './support.js';

// The short version of `pnpm soak`: fewer flows, the same faults at the same rate.
const simulator = useSimulator({ config: { generationDelayMs: 100, listDelayMs: 20 } });

describe('soak: create -> wait -> download every format, with a tenth of all requests faulted', () => {
  it('ends every flow ok or with a typed error; nothing doubled, no file corrupt or left partial', async () => {
    const outcome = await runSoak({ sim: simulator(), createClient: createReportsClient, saveDownload, runtime: nodeRuntime, flows: 30, concurrency: 6, seed: 7 });
    printSoak(outcome);
    expect(outcome.untyped).toEqual([]);
    expect(outcome.doubled).toBe(0);
    expect(outcome.corrupt).toBe(0);
    expect(outcome.strayFiles).toBe(0);
    expect(Object.values(outcome.injected).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    // transient faults end ok; a create that timed out may have made its report and says so, typed
    const failures = Object.entries(outcome.typed).filter(([code]) => code !== 'create_outcome_unknown');
    expect(failures).toEqual([]);
    expect(outcome.ok).toBeGreaterThanOrEqual(27);
  }, 120_000);
});
