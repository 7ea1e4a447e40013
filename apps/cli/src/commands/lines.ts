import { dirname, resolve } from 'node:path';
import type { BillingLinesOptions } from '@acronis-reports/core';
import type { Command } from 'commander';
import { positiveNumber } from '../flags.js';
import { figureFlag, linesOfUsageFile, readMappingFile, usageFormatOf, writeLinesFiles } from '../lines-files.js';
import { linesData, linesReport } from '../lines-summary.js';
import type { LocalRun } from '../local-run.js';

export interface LinesFlags {
  mapping?: string;
  previous?: string;
  out?: string;
  format?: string;
  figure?: string;
  includeZero?: boolean;
  threshold?: number;
}

export const linesHelp = `
billing-lines.csv has one line per tenant, offering item, edition, backend type and SKU, with the columns
  tenant_id,tenant_name,tenant_kind,offering_item,edition,backend_type,sku,unit,quantity,raw_quantity,raw_unit,
  figure,customer_ref,product_code,unit_price,amount,previous_quantity,change,change_percent,flag
Quantities: storage in GB (1024^3 bytes), compute points from seconds, counts as they are, 2 decimals.
Figure by default as the vendor's billing module: absolute (delta for compute points), total for customers,
production for partners and other kinds. A mapping file:
  {"customers": {"<tenant id>": "ACME-001"},
   "products": [{"offering_item": "local_storage", "ignore": true},
                {"offering_item": "storage", "backend_type": "google", "product_code": "BK-GCS", "unit_price": 0.08}]}`;

/** The options that `lines` and `billing` share. */
export function linesOptions(flags: LinesFlags): BillingLinesOptions {
  const figure = figureFlag(flags.figure);
  return {
    ...(figure ? { figure } : {}),
    ...(flags.includeZero ? { includeZero: true } : {}),
    ...(flags.mapping ? { mapping: readMappingFile(flags.mapping) } : {}),
    ...(flags.threshold !== undefined ? { changeThreshold: flags.threshold } : {}),
  };
}

export function registerLinesCommand(program: Command, run: LocalRun): void {
  program
    .command('lines')
    .argument('<file>', 'a downloaded csv_v2_0 or json_v2_0 usage file (.csv, .json, or either .gz)')
    .description('billing lines from a usage file on disk: billing-lines.csv and billing-lines.json, mapped and compared')
    .option('--mapping <file>', 'a JSON mapping of tenants to customer references and items to product codes and prices')
    .option('--previous <file>', "last month's usage file: fills previous_quantity, change, change_percent and flag")
    .option('--out <dir>', 'where billing-lines.csv/.json go (default: beside the file)')
    .option('--format <format>', 'csv_v2_0 or json_v2_0 (default: from the file name)')
    .option('--figure <measure.part>', 'bill this figure for every line, e.g. effective.production')
    .option('--include-zero', 'keep lines whose quantity is 0')
    .option('--threshold <percent>', 'flag a change beyond this percent as changed (default 25)', positiveNumber)
    .addHelpText('after', linesHelp)
    .action((file: string, flags: LinesFlags) =>
      run(async ({ out }) => {
        const options = linesOptions(flags);
        if (flags.previous) {
          const { mapping: _mapping, ...unmapped } = options;
          const previous = await linesOfUsageFile(flags.previous, usageFormatOf(flags.previous, flags.format), unmapped);
          options.previous = previous.lines;
        }
        const result = await linesOfUsageFile(file, usageFormatOf(file, flags.format), options);
        const files = await writeLinesFiles(resolve(flags.out ?? dirname(file)), result);
        out.data(linesData(result, files), () => linesReport(result, files));
      }),
    );
}
