// csv: the older, table-style CSV meant for people (see human.ts for columns and units).

import type { Tenant } from '../types.js';
import type { ReportPlan, UsageRow } from '../rows.js';
import { csvField, csvLine } from './escape.js';
import { humanColumns, humanItemCells, humanTenantCells, humanUnitCells, humanUserCells, humanValueCells } from './human.js';
import { ItemMemo } from './item-memo.js';
import type { FormatWriter } from './writer.js';

/** `,a,b` for cells `a`, `b`. */
const commaFields = (cells: string[]): string => cells.map((cell) => `,${csvField(cell)}`).join('');

export function csvTableWriter(plan: ReportPlan): FormatWriter {
  let prefix = '';
  let suffix = '';
  const items = new ItemMemo((item) => ({
    head: commaFields(humanItemCells(item)),
    tail: commaFields(humanUnitCells(plan, item)),
  }));
  return {
    begin: () => csvLine(humanColumns(plan).map((c) => c.title)),
    tenantStart(tenant: Tenant) {
      prefix = humanTenantCells(tenant).map(csvField).join(',');
      suffix = `${commaFields(humanUserCells(plan, tenant))}\r\n`;
      return '';
    },
    row(row: UsageRow) {
      const text = items.get(row.item);
      return `${prefix}${text.head},${humanValueCells(plan, row).join(',')}${text.tail}${suffix}`;
    },
    tenantEnd: () => '',
    end: () => '',
  };
}
