import { checks, checkOptions, isPlainObject, own, refuse, shown, type Check } from './options.js';
import { reportFormats } from './generated/enums.js';
import type { ValidationIssue } from './errors.js';

// The options each public method takes. A key not listed is refused: `createBillingReport({ mnth })` must not
// quietly make last month's report.

const call = { signal: checks.signal };
/** The most reports one page of `reportPage` holds. */
const maxPageLimit = 500;
const waitSettings = { initialDelayMs: checks.positive, maxDelayMs: checks.positive, factor: checks.factor, timeoutMs: checks.positive };
const billing = {
  tenantId: checks.string,
  month: checks.string,
  period: checks.object,
  level: checks.level,
  formats: checks.formats,
  hideZeroUsage: checks.boolean,
  showSkus: checks.boolean,
};

// billing lines are read from csv_v2_0, the one format their export creates
const { formats: _formats, ...billingWithoutFormats } = billing;

const lines = {
  figure: checks.figure,
  includeZero: checks.boolean,
  mapping: checks.object,
  changeThreshold: checks.positive,
};

export const methodOptions = {
  call,
  delete: { ...call, version: checks.positiveCount },
  listReports: { ...call, concurrency: checks.positiveCount, onProgress: checks.function },
  reportPage: {
    ...call,
    offset: checks.count,
    limit: (value: unknown) => checks.positiveCount(value) ?? ((value as number) > maxPageLimit ? `must be at most ${maxPageLimit}, got ${value}` : null),
    newestFirst: checks.boolean,
    search: checks.string,
    scanLimit: checks.positiveCount,
    concurrency: checks.positiveCount,
  },
  wait: { ...call, ...waitSettings, formats: checks.formats, since: checks.time, onProgress: checks.function, report: reportCheck },
  findStored: { ...call, format: checks.string, storedReportId: checks.string, report: reportCheck },
  download: { ...call, report: reportCheck },
  billing: { ...call, ...billing },
  export: { ...call, ...billing, ...waitSettings, consume: checks.function, deleteAfterDownload: checks.boolean, onProgress: checks.function },
  lines: { ...call, ...waitSettings, ...lines, previousReportId: checks.string, onProgress: checks.function },
  exportLines: { ...call, ...billingWithoutFormats, ...waitSettings, ...lines, compare: checks.boolean, deleteAfterDownload: checks.boolean, onProgress: checks.function },
  waitDefaults: waitSettings,
  fields: { ...call, labels: checks.object, base: checks.object },
} satisfies Record<string, Record<string, Check>>;

/** The options checked, as a copy of their own properties: nothing inherited is read afterwards. */
export function checkCall<T>(options: T, spec: Record<string, Check> = call): T {
  checkOptions(options, 'options', spec);
  return options === undefined ? options : ({ ...options } as T);
}

/** A report given to save a request: it must at least hold its parameters (for the file name). */
function reportCheck(value: unknown): string | null {
  return isPlainObject(value) && typeof own(value, 'id') === 'string' && isPlainObject(own(value, 'parameters'))
    ? null
    : `must be a report as getReport returns it, got ${shown(value)}`;
}

/** A stored report item as listStoredReports returns it, or its id. */
export function checkStoredReport(value: unknown): void {
  if (typeof value === 'string') return; // its id: checked as a UUID where it is used
  const issues: ValidationIssue[] = [];
  if (!isPlainObject(value)) {
    issues.push({ field: 'storedReport', message: `must be a stored report or its id, got ${shown(value)}` });
  } else {
    if (typeof own(value, 'id') !== 'string') issues.push({ field: 'storedReport.id', message: `must be the stored report's id, got ${shown(own(value, 'id'))}` });
    const format = own(value, 'report_format');
    if (typeof format !== 'string' || !(reportFormats as readonly string[]).includes(format)) {
      issues.push({ field: 'storedReport.report_format', message: `must be one of ${reportFormats.join(', ')}, got ${shown(format)}` });
    }
  }
  refuse(issues);
}

/** `exportBillingReport` needs its options, with `consume`. */
export function checkExport<T>(options: T): T {
  checkOptions(options, 'options', methodOptions.export, true);
  if (typeof own(options as object, 'consume') !== 'function') refuse([{ field: 'options.consume', message: 'is required: a function that receives each file' }]);
  return { ...options } as T;
}
