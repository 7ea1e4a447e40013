// html: a complete, self-contained page with one table, in the human units of the csv format.

import type { ReportPlan, UsageRow } from '../rows.js';
import { htmlEscape } from './escape.js';
import { humanCells, humanColumns } from './human.js';
import type { FormatWriter } from './writer.js';

const STYLE =
  'body{font-family:system-ui,sans-serif;margin:2em;color:#222}' +
  'table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:4px 8px}' +
  'th{background:#f0f3f7;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}' +
  '.meta{color:#555}';

const LEVEL_TITLES: Readonly<Record<ReportPlan['level'], string>> = {
  itself: 'The tenant itself',
  direct_partners: 'Direct customers and partners',
  all_partners: 'All partners',
  all_customers: 'All customers and partners',
  accounts: 'All customers and partners, with user accounts',
};

export function htmlWriter(plan: ReportPlan): FormatWriter {
  const columns = humanColumns(plan);
  let rows = 0;
  return {
    begin() {
      const title = htmlEscape(plan.reportName);
      const meta = [
        `Tenant: ${htmlEscape(plan.tenant.name)}`,
        `Scope: ${LEVEL_TITLES[plan.level]}`,
        `Period: ${plan.beginDate} &ndash; ${plan.endDate}`,
        `Generated: ${plan.generationDate}`,
        'Storage in GB (1024<sup>3</sup> bytes), compute in points',
      ].join(' &middot; ');
      const head = columns.map((c) => `<th>${htmlEscape(c.title)}</th>`).join('');
      return (
        `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${title}</title>\n` +
        `<style>${STYLE}</style>\n</head>\n<body>\n<h1>${title}</h1>\n<p class="meta">${meta}</p>\n` +
        `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n`
      );
    },
    tenantStart: () => '',
    row(row: UsageRow) {
      rows++;
      const cells = humanCells(plan, row).map((value, i) =>
        columns[i]?.numeric ? `<td class="num">${htmlEscape(value)}</td>` : `<td>${htmlEscape(value)}</td>`,
      );
      return `<tr>${cells.join('')}</tr>\n`;
    },
    tenantEnd: () => '',
    end() {
      const empty = rows === 0 ? `<tr><td colspan="${columns.length}">No usage in this period.</td></tr>\n` : '';
      return `${empty}</tbody>\n</table>\n</body>\n</html>\n`;
    },
  };
}
