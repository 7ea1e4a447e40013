import { isoDate, previousMonth, startOfNextMonth, vendorTimestamp } from '../clock.js';
import { createRng, hashSeed, type ReportFormat, type ReportKind, type ReportLevel, type Rng } from '../content/index.js';
import type { SimulatorConfig } from './config.js';
import { fileContent } from './file-content.js';
import type { Parameters, ReportRecord, ReportStore } from './reports.js';
import { StoredFile } from './stored-file.js';
import type { World } from './world.js';

/** The most history reports a simulator seeds: beyond this the start-up and memory are no longer small. */
export const maxHistoryReports = 100_000;

const dayMs = 24 * 60 * 60 * 1000;

/** How many of each sort `count` history reports hold; the rest are one-time reports saved long ago. */
export function historyMix(count: number) {
  const generating = count >= 10 ? Math.min(5, Math.ceil(count / 1000)) : 0;
  const monthly = Math.floor(count * 0.02);
  const send = Math.floor(count * 0.01);
  const failed = count >= 100 ? 1 : 0;
  return { monthly, send, failed, generating, saved: count - monthly - send - failed - generating };
}

/**
 * Seeds the default tenant with `count` reports that look like years of use: one-time reports generated months ago
 * (their files saved), a couple per cent monthly ones with a generation every month since they were made, a few
 * `send` reports, one failed generation and a few one-time reports generating right now. The same seed, count and
 * start time give the same reports and ids. Their files are lazy: nothing is rendered until somebody asks.
 */
export function seedHistory(count: number, parts: { world: World; store: ReportStore; config: SimulatorConfig; now: number }): void {
  if (!(Number.isInteger(count) && count >= 0 && count <= maxHistoryReports)) {
    throw new Error(`historyReports must be an integer from 0 to ${maxHistoryReports}, not ${String(count)}`);
  }
  if (count === 0) return;
  const { world, store, config, now } = parts;
  const rng = createRng(hashSeed('history-reports', world.options.seed, count));
  const tenantId = world.tree.root.id;
  const recipient = world.tree.root.users[0]?.id;
  const mix = historyMix(count);
  const past: { at: number; make: (at: number) => ReportRecord }[] = [];
  const pastDay = (fromDays: number, toDays: number) => now - rng.int(fromDays, toDays) * dayMs - rng.int(0, 16 * 3600) * 1000;

  const once = (at: number, action: 'save' | 'send', fails = false): ReportRecord => {
    const parameters = oneTimeParameters(rng, tenantId, at, action);
    const report = record(rng.uuid(), action, action === 'send' && recipient ? [recipient] : [], parameters, 'once', at);
    report.generation_date = isoDate(at);
    if (action === 'send') {
      store.outbox.push({ reportId: report.id, recipients: [...report.recipients], formats: [...parameters.formats], period: parameters.period, sentAt: vendorTimestamp(at) });
    } else {
      report.files = files(rng, world, report, at, at + config.generationDelayMs, parameters.period, fails ? parameters.formats.at(-1)! : null);
    }
    return report;
  };
  const monthly = (at: number): ReportRecord => {
    const parameters: Parameters = {
      tenant_id: tenantId,
      kind: rng.pick(['usage_summary', 'usage_current'] as const),
      level: rng.pick(['direct_partners', 'all_customers'] as const),
      formats: rng.pick([['csv', 'html'], ['csv'], ['html']] as ReportFormat[][]),
      period: previousMonth(at),
    };
    const report = record(rng.uuid(), 'save', [], parameters, 'monthly', at);
    let run = startOfNextMonth(at);
    for (; run <= now; run = startOfNextMonth(run)) {
      report.files.push(...files(rng, world, report, run, run + config.generationDelayMs, previousMonth(run), null));
    }
    report.nextRunAt = run;
    report.generation_date = isoDate(run);
    return report;
  };

  for (let i = 0; i < mix.saved; i++) past.push({ at: pastDay(2, 730), make: (at) => once(at, 'save') });
  for (let i = 0; i < mix.monthly; i++) past.push({ at: pastDay(40, 540), make: monthly });
  for (let i = 0; i < mix.send; i++) past.push({ at: pastDay(2, 730), make: (at) => once(at, 'send') });
  for (let i = 0; i < mix.failed; i++) past.push({ at: pastDay(2, 60), make: (at) => once(at, 'save', true) });
  past.sort((a, b) => a.at - b.at);
  for (const { at, make } of past) store.insert(make(at));

  for (let i = 0; i < mix.generating; i++) {
    const parameters = oneTimeParameters(rng, tenantId, now, 'save');
    const report = record(rng.uuid(), 'save', [], parameters, 'once', now);
    report.generation_date = isoDate(now);
    // Staggered, so that advancing the clock by one generation delay after another saves them one by one.
    report.files = files(rng, world, report, now, now + config.generationDelayMs * (i + 1), parameters.period, null);
    store.insert(report);
  }
}

function record(id: string, action: 'save' | 'send', recipients: string[], parameters: Parameters, type: 'once' | 'monthly', at: number): ReportRecord {
  return {
    id,
    version: 1,
    result_action: action,
    recipients,
    parameters,
    schedule: { type, enabled: true },
    generation_date: isoDate(at),
    createdAt: at,
    nextRunAt: null,
    files: [],
  };
}

const kinds: readonly ReportKind[] = ['usage_summary', 'usage_summary', 'usage_summary', 'usage_daily', 'usage_current', 'usage_breakdown'];
const levels: readonly ReportLevel[] = ['direct_partners', 'direct_partners', 'all_customers', 'all_customers', 'accounts', 'all_partners', 'itself'];
const saveFormats: readonly ReportFormat[][] = [['csv_v2_0', 'json_v2_0'], ['csv_v2_0', 'json_v2_0'], ['csv_v2_0'], ['json_v2_0'], ['csv', 'html'], ['json_v1']];

/** A one-time report made at `at` over the month before, as billing runs make them. */
function oneTimeParameters(rng: Rng, tenantId: string, at: number, action: 'save' | 'send'): Parameters {
  return {
    tenant_id: tenantId,
    kind: rng.pick(kinds),
    level: rng.pick(levels),
    formats: action === 'send' ? ['csv', 'html'] : rng.pick(saveFormats),
    period: previousMonth(at),
    ...(rng.chance(0.5) ? { hide_zero_usage: rng.chance(0.5) } : {}),
    ...(rng.chance(0.5) ? { show_skus: rng.chance(0.5) } : {}),
  };
}

function files(
  rng: Rng,
  world: World,
  report: ReportRecord,
  at: number,
  readyAt: number,
  period: { start: string; end: string },
  failedFormat: ReportFormat | null,
): StoredFile[] {
  return report.parameters.formats.map(
    (format) =>
      new StoredFile(rng.uuid(), report.id, format, at, at, readyAt, format === failedFormat, fileContent(world, report.parameters, format, period, at, null), true),
  );
}
