import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnTerminal, useSimulator } from './support.js';

const simulator = useSimulator({ config: { generationDelayMs: 2500, listDelayMs: 100 } });

/** `billing` on a pseudo-terminal of the given size, as from a person's shell; what the terminal showed. */
const billingOnTerminal = (columns: number, rows: number) =>
  runOnTerminal(simulator(), ['billing', '--out', mkdtempSync(join(tmpdir(), 'cli-tty-'))], { columns, rows });

describe('on a terminal', () => {
  it("the wait is one live line that redraws, with the elapsed time and each format's status", async () => {
    const { code, screen } = await billingOnTerminal(160, 40);
    expect(code).toBe(0);
    // ora redraws the line in place: carriage returns / cursor moves rather than one new line per poll
    expect(screen).toMatch(/\u001b\[(\d+)?G|\r/);
    expect(screen).toMatch(/Generating the billing report 0:0\d: csv_v2_0 (missing|in progress), json_v2_0 (missing|in progress)/);
    expect(screen).toMatch(/next check in \d+ s/);
    expect(screen).toContain('Files ready.');
    expect(screen).not.toMatch(/^\[\d{4}-\d{2}-\d{2}T/m);
    expect(screen).toContain('offering item');
  });

  it('a terminal that reports no size gets plain lines instead of a spinner', async () => {
    const { code, screen } = await billingOnTerminal(0, 0);
    expect(code).toBe(0);
    expect(screen).toMatch(/^\[\d{4}-\d{2}-\d{2}T[\d:.]+Z\] Generating the billing report/m);
    expect(screen.length).toBeLessThan(20_000);
  });
});
