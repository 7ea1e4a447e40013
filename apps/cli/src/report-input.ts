import { readFileSync } from 'node:fs';
import { createFieldKeys, type FieldLabels, type ReportFieldKey, type ReportFieldOptions, type ReportFields, type ReportUpdateFields } from '@acronis-reports/core';
import { UsageError } from './exit-codes.js';

// The flags are core's flat fields under their CLI names: core turns them into the API body by its rules, and
// names a bad one by its flag.

export interface ReportFlags {
  file?: string;
  tenantId?: string;
  kind?: string;
  level?: string;
  formats?: string;
  month?: string;
  periodStart?: string;
  periodEnd?: string;
  schedule?: string;
  resultAction?: string;
  recipients?: string;
  hideZeroUsage?: boolean;
  showSkus?: boolean;
  generationDate?: string;
  enabled?: string;
}

/** The flag of each field: the key in kebab case, but --schedule for the schedule type. */
export const flagOf = (key: ReportFieldKey): string => (key === 'scheduleType' ? '--schedule' : `--${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`);

export const flagLabels: FieldLabels = { ...Object.fromEntries(createFieldKeys.map((key) => [key, flagOf(key)])), changes: 'update' };

function readJsonFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new UsageError(`${path} is not a JSON object: ${(error as Error).message}`);
  }
}

/** Flag names for messages, and the --file body under the flags. */
export const fieldOptions = (flags: Pick<ReportFlags, 'file'>): ReportFieldOptions => ({ labels: flagLabels, ...(flags.file ? { base: readJsonFile(flags.file) } : {}) });

export const createFields = (flags: ReportFlags): ReportFields => ({
  tenantId: flags.tenantId,
  kind: flags.kind,
  level: flags.level,
  formats: flags.formats,
  month: flags.month,
  periodStart: flags.periodStart,
  periodEnd: flags.periodEnd,
  scheduleType: flags.schedule,
  resultAction: flags.resultAction,
  recipients: flags.recipients,
  hideZeroUsage: flags.hideZeroUsage,
  showSkus: flags.showSkus,
  generationDate: flags.generationDate,
});

export const updateFields = (flags: ReportFlags): ReportUpdateFields => ({
  kind: flags.kind,
  level: flags.level,
  recipients: flags.recipients,
  hideZeroUsage: flags.hideZeroUsage,
  showSkus: flags.showSkus,
  enabled: flags.enabled,
});
