// Billing lines on disk: reading a usage file (plain or gzip) and a mapping file, writing billing-lines.csv/.json.
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  billingLinesCsv,
  billingLinesJson,
  billingLinesOfFile,
  decodeStoredReportBody,
  fileWebStream,
  parseBillingMapping,
  parseFigure,
  FIGURES,
  type BillingLinesOptions,
  type BillingLinesResult,
  type BillingMapping,
  type Figure,
  type UsageFormat,
} from '@acronis-reports/core';
import { UsageError } from './exit-codes.js';

/** The usage format of a file from its name: `.csv` is csv_v2_0, `.json` json_v2_0 (also with `.gz`). */
export function usageFormatOf(path: string, given?: string): UsageFormat {
  if (given !== undefined) {
    if (given === 'csv_v2_0' || given === 'json_v2_0') return given;
    throw new UsageError(`--format must be csv_v2_0 or json_v2_0, not ${given}.`);
  }
  const name = path.toLowerCase().replace(/\.gz$/, '');
  if (name.endsWith('.table.csv') || name.endsWith('.v1.json')) {
    throw new UsageError(`${path} looks like a csv or json_v1 report; billing lines are read from csv_v2_0 or json_v2_0 files.`);
  }
  if (name.endsWith('.csv')) return 'csv_v2_0';
  if (name.endsWith('.json')) return 'json_v2_0';
  throw new UsageError(`Cannot tell the format of ${path} from its name: add --format csv_v2_0 or --format json_v2_0.`);
}

/** A checked mapping from a JSON file; a bad one is a usage error naming every problem (exit 2). */
export function readMappingFile(path: string): BillingMapping {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the mapping ${path}: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`The mapping ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseBillingMapping(value);
}

export function figureFlag(text: string | undefined): Figure | undefined {
  if (text === undefined) return undefined;
  const figure = parseFigure(text);
  if (!figure) throw new UsageError(`--figure must be one of ${FIGURES.join(', ')}, not ${text}.`);
  return figure;
}

/** The billing lines of a usage file on disk, streamed (a gzip-compressed file is decompressed on the way). */
export async function linesOfUsageFile(path: string, format: UsageFormat, options: BillingLinesOptions): Promise<BillingLinesResult> {
  if (!existsSync(path)) throw new UsageError(`There is no file ${path}.`);
  try {
    return await billingLinesOfFile(decodeStoredReportBody(fileWebStream(path)), format, options);
  } catch (error) {
    if (error instanceof Error && error.name === 'Error') throw new Error(`${path}: ${error.message}`, { cause: error });
    throw error;
  }
}

export interface LinesFiles {
  csv: string;
  json: string;
}

export async function writeLinesFiles(directory: string, result: BillingLinesResult): Promise<LinesFiles> {
  const files = { csv: join(directory, 'billing-lines.csv'), json: join(directory, 'billing-lines.json') };
  await writeFile(files.csv, billingLinesCsv(result.lines));
  await writeFile(files.json, billingLinesJson(result.lines));
  return files;
}
