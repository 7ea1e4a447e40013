// Input fields shared by the steps. Choices and help texts come from core's lists, generated from the OpenAPI
// description: never a hand-typed copy. Core's help texts use Markdown code spans; Zapier renders Markdown in helpText too.
import {
  fieldDescriptions,
  parseBooleanField,
  reportFormats,
  reportKinds,
  reportLevels,
  resultActions,
  scheduleTypes,
  valueDescriptions,
  type FieldLabels,
  type ReportFieldKey,
} from '@acronis-reports/core';
import type { Bundle, ZObject } from 'zapier-platform-core';

type Described = Record<string, string>;

/** Zapier dropdown choices: the value, a label with its help text (and this app's note, if any). */
export function choicesOf(values: readonly string[], descriptions: Described, notes: Described = {}): { value: string; label: string; sample: string }[] {
  return values.map((value) => {
    const help = [descriptions[value], notes[value]].filter(Boolean).join(' ');
    return { value, sample: value, label: help ? `${value}: ${help}` : value };
  });
}

// What the API description does not say: monthly reports offer only csv and html (a vendor engineer's answer), so a
// Zap must not wait for a v2 file of a monthly report; csv_v2_0 is the format to parse, its columns being the ones
// the vendor's own billing parser reads (json_v2_0's element fields are not published).
const MONTHLY_FORMATS = 'Monthly reports offer only csv and html; json_v1, csv_v2_0 and json_v2_0 are for one-time reports.';
const MONTHLY_FILES = 'A monthly report makes only csv and html files.';
const ONE_TIME_ONLY = 'One-time reports only.';
const formatNotes: Described = {
  json_v1: ONE_TIME_ONLY,
  csv_v2_0: `Recommended for machine use. ${ONE_TIME_ONLY}`,
  json_v2_0: `${ONE_TIME_ONLY} Its element fields are not published by the vendor: prefer csv_v2_0.`,
};

export const tenantIdField = {
  key: 'tenantId',
  label: 'Tenant ID',
  helpText: "The tenant (UUID). Leave empty for the API client's own tenant.",
  required: false,
} as const;

export const reportIdField = {
  key: 'reportId',
  label: 'Report',
  helpText: 'The report (UUID). Pick one of the tenant\u2019s reports or map an id from an earlier step.',
  required: true,
  dynamic: 'reportList.id.label',
} as const;

export const storedReportIdField = {
  key: 'storedReportId',
  label: 'Stored File',
  type: 'string',
  required: false,
  helpText: 'A stored file of the report: pick one of the files of the report above, or map an id from an earlier step. Leave empty for the newest saved file (in the format below).',
  dynamic: 'storedFileList.id.label',
} as const;

export const kindField = {
  key: 'kind',
  label: 'Kind',
  helpText: fieldDescriptions.kind,
  choices: choicesOf(reportKinds, valueDescriptions.reportKinds),
} as const;

export const levelField = {
  key: 'level',
  label: 'Level',
  helpText: fieldDescriptions.level,
  choices: choicesOf(reportLevels, valueDescriptions.reportLevels),
} as const;

export const formatsField = {
  key: 'formats',
  label: 'Formats',
  helpText: `${fieldDescriptions.formats} ${MONTHLY_FORMATS} For machine use choose \`csv_v2_0\`: its columns are the ones the vendor's own billing parser reads.`,
  list: true,
  choices: choicesOf(reportFormats, valueDescriptions.reportFormats, formatNotes),
} as const;

export const formatField = {
  key: 'format',
  label: 'Format',
  helpText: `Only files in this format. Leave empty for every format. ${MONTHLY_FILES}`,
  required: false,
  choices: choicesOf(reportFormats, valueDescriptions.reportFormats, formatNotes),
} as const;

export const scheduleTypeField = {
  key: 'scheduleType',
  label: 'Schedule',
  helpText: `${fieldDescriptions.scheduleType} Monthly reports offer only csv and html files. For billing, use **Create Billing Report** (a one-time usage summary over the month).`,
  choices: choicesOf(scheduleTypes, valueDescriptions.scheduleTypes, { monthly: 'Only csv and html files.' }),
} as const;

export const resultActionField = {
  key: 'resultAction',
  label: 'Result',
  helpText: fieldDescriptions.resultAction,
  choices: choicesOf(resultActions, valueDescriptions.resultActions),
} as const;

export const hideZeroUsageField = { key: 'hideZeroUsage', label: 'Hide Zero Usage', helpText: fieldDescriptions.hideZeroUsage, type: 'boolean' } as const;
export const showSkusField = { key: 'showSkus', label: 'Show SKUs', helpText: fieldDescriptions.showSkus, type: 'boolean' } as const;
export const recipientsField = { key: 'recipients', label: 'Recipients', helpText: fieldDescriptions.recipients, list: true, required: false } as const;

/** A yes/no input by core's rule; undefined when empty or not a yes/no (the caller says what it needed). */
export function booleanInput(value: unknown): boolean | undefined {
  try {
    return parseBooleanField(value, 'value');
  } catch {
    return undefined;
  }
}

/** The inputs that are core's report fields: the input keys are core's field keys. */
export function reportFieldsOf<K extends ReportFieldKey>(inputData: Record<string, unknown>, keys: readonly K[]): Partial<Record<K, unknown>> {
  return Object.fromEntries(keys.filter((key) => inputData[key] !== undefined).map((key) => [key, inputData[key]])) as Partial<Record<K, unknown>>;
}

/** Core names a bad field by its key; the user knows it by its label. */
export function fieldLabelsOf(inputFields: readonly { key: string; label?: string }[], changes?: string): FieldLabels {
  const labels: Record<string, string> = Object.fromEntries(inputFields.filter((field) => field.label).map((field) => [field.key, field.label!]));
  return (changes ? { ...labels, changes } : labels) as FieldLabels;
}

/** A text input, trimmed; undefined when empty. */
export function textInput(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** The tenant input, or the API client's own tenant (learned at sign-in) when it is empty. */
export function tenantInput(bundle: Bundle): string | undefined {
  return textInput(bundle.inputData['tenantId']) ?? (bundle.authData['tenant_id'] || undefined);
}

/** The format filter: empty for every format, else one of the API's formats (a mapped `pdf` is an error, not an empty list). */
export function formatInput(z: ZObject, value: unknown): string | undefined {
  const format = textInput(value);
  if (format === undefined || (reportFormats as readonly string[]).includes(format)) return format;
  throw new z.errors.Error(`Format "${format}" is not a report format. Use one of ${reportFormats.join(', ')}, or leave Format empty for every format.`, 'validation');
}
