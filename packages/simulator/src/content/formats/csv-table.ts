// csv: the older, table-style CSV meant for people (see human.ts for columns and units).

import type { ReportPlan, UsageRow } from '../rows.js';
import { csvLine } from './escape.js';
import { humanCells, humanColumns } from './human.js';
import type { FormatWriter } from './writer.js';

export function csvTableWriter(plan: ReportPlan): FormatWriter {
  return {
    begin: () => csvLine(humanColumns(plan).map((c) => c.title)),
    tenantStart: () => '',
    row: (row: UsageRow) => csvLine(humanCells(plan, row)),
    tenantEnd: () => '',
    end: () => '',
  };
}
