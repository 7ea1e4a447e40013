import type { ReportPlan } from '../rows.js';
import { csvTableWriter } from './csv-table.js';
import { csvV2Writer } from './csv-v2.js';
import { htmlWriter } from './html.js';
import { jsonV1Writer } from './json-v1.js';
import { jsonV2Writer } from './json-v2.js';
import type { FormatWriter } from './writer.js';

export type { FormatWriter } from './writer.js';
export { CSV_V2_VENDOR_COLUMNS, csvV2Columns } from './csv-v2.js';

export function createWriter(plan: ReportPlan): FormatWriter {
  switch (plan.format) {
    case 'csv':
      return csvTableWriter(plan);
    case 'html':
      return htmlWriter(plan);
    case 'json_v1':
      return jsonV1Writer(plan);
    case 'csv_v2_0':
      return csvV2Writer(plan);
    case 'json_v2_0':
      return jsonV2Writer(plan);
  }
}
