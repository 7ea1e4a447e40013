import { reportFormats, reportKinds, reportLevels, resultActions, scheduleTypes } from '@acronis-reports/core';
import { describe, expect, it } from 'vitest';
import { runCli } from './support.js';

const everyValue = new Set<string>([...reportKinds, ...reportLevels, ...reportFormats, ...scheduleTypes, ...resultActions]);

/** The help of each flag, its wrapped lines joined. */
async function flagHelp(command: string): Promise<Map<string, string>> {
  const result = await runCli([command, '--help']);
  expect(result.code).toBe(0);
  const flags = new Map<string, string>();
  let current = '';
  for (const line of result.stdout.split('\n')) {
    const start = /^ {2}(--[a-z-]+)(?: <[^>]+>)?\s+(.*)$/.exec(line);
    if (start) flags.set((current = start[1]!), start[2]!);
    else if (current && /^ {20,}\S/.test(line)) flags.set(current, `${flags.get(current)} ${line.trim()}`);
    else current = '';
  }
  return flags;
}

/** The API values a flag's help lists, in order; notes in parentheses and remarks after a semicolon left out. */
const listed = (help: string | undefined) =>
  (help ?? '')
    .replace(/\([^)]*\)/g, '')
    .split(';')[0]!
    .split(/[\s,]+/)
    .filter((word) => everyValue.has(word));

describe("help lists exactly core's values, in core's order", () => {
  it('create', async () => {
    const help = await flagHelp('create');
    expect(listed(help.get('--kind'))).toEqual(reportKinds);
    expect(listed(help.get('--level'))).toEqual(reportLevels);
    expect(listed(help.get('--formats'))).toEqual(reportFormats);
    expect(listed(help.get('--schedule'))).toEqual(scheduleTypes);
    expect(listed(help.get('--result-action'))).toEqual(resultActions);
  });

  it('update', async () => {
    const help = await flagHelp('update');
    expect(listed(help.get('--kind'))).toEqual(reportKinds);
    expect(listed(help.get('--level'))).toEqual(reportLevels);
  });

  it('billing', async () => {
    const help = await flagHelp('billing');
    expect(listed(help.get('--level'))).toEqual(reportLevels);
    expect(listed(help.get('--formats'))).toEqual(reportFormats);
  });
});
