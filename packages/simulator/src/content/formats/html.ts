// html: a complete, self-contained page with one table, in the human units of the csv format.

import type { Tenant } from '../types.js';
import type { ReportPlan, UsageRow } from '../rows.js';
import { htmlEscape } from './escape.js';
import {
  humanColumns,
  humanItemCells,
  humanTenantCells,
  humanUnitCells,
  humanUserCells,
  humanValueCells,
  humanValueColumns,
} from './human.js';
import { ItemMemo } from './item-memo.js';
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

const cells = (values: string[]): string => values.map((value) => `<td>${htmlEscape(value)}</td>`).join('');

export function htmlWriter(plan: ReportPlan): FormatWriter {
  const columns = humanColumns(plan);
  // Numbers are right-aligned; the date (of dated reports) is text. Neither needs escaping.
  const valueOpenings = humanValueColumns(plan).map((column) => (column.numeric ? '<td class="num">' : '<td>'));
  let rows = 0;
  let prefix = '';
  let suffix = '';
  const items = new ItemMemo((item) => ({ head: cells(humanItemCells(item)), tail: cells(humanUnitCells(plan, item)) }));
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
    tenantStart(tenant: Tenant) {
      prefix = `<tr>${cells(humanTenantCells(tenant))}`;
      suffix = `${cells(humanUserCells(plan, tenant))}</tr>\n`;
      return '';
    },
    row(row: UsageRow) {
      rows++;
      const text = items.get(row.item);
      const values = humanValueCells(plan, row)
        .map((value, i) => `${valueOpenings[i]}${value}</td>`)
        .join('');
      return `${prefix}${text.head}${values}${text.tail}${suffix}`;
    },
    tenantEnd: () => '',
    end() {
      const empty = rows === 0 ? `<tr><td colspan="${columns.length}">No usage in this period.</td></tr>\n` : '';
      return `${empty}</tbody>\n</table>\n</body>\n</html>\n`;
    },
  };
}
