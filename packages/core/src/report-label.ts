import type { Report } from './types.js';

/**
 * One line that tells a report apart in a picker: kind, level, schedule, period and the start of its id, e.g.
 * `usage_summary, direct_partners, once 2026-10-01..2026-10-31 (1a2b3c4d)`. Report searches match against it.
 */
export function reportLabel(report: Report): string {
  const period = report.parameters.period ? ` ${report.parameters.period.start}..${report.parameters.period.end}` : '';
  const paused = report.schedule?.type === 'monthly' && report.schedule.enabled === false ? ' (paused)' : '';
  const send = report.result_action === 'send' ? ', send' : '';
  return `${report.parameters.kind}, ${report.parameters.level}, ${report.schedule?.type ?? 'once'}${paused}${period}${send} (${report.id.slice(0, 8)})`;
}
