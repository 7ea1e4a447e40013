// Tool input schemas from core's field definitions: the field keys hosts share, the enumerations and their help
// texts generated from openapi.yaml. Only the fields the description has no text for are worded here.
import { z } from 'zod';
import { createFieldKeys, fieldDescriptions, reportFormats, reportKinds, reportLevels, resultActions, scheduleTypes, updateFieldKeys, valueDescriptions, type ReportFieldKey } from '@acronis-reports/core';

const uuid = z.string().regex(/^[0-9a-fA-F-]{36}$/, 'must be a UUID (36 characters)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
export const monthSchema = z.string().regex(/^\d{4}-\d{2}$/, 'must be a month as YYYY-MM');

/** "`a`: text. `b`: text." from a value-description table, for enums whose field text does not list the values. */
const valuesText = (descriptions: Record<string, string>): string => Object.entries(descriptions).map(([value, text]) => `\`${value}\`: ${text}`).join(' ');

export const idSchema = (what: string) => uuid.describe(what);
export const tenantIdSchema = uuid.describe("The tenant (UUID); default: the API client's own tenant.");
export const levelSchema = z.enum(reportLevels).describe(fieldDescriptions.level);

const fieldSchemas: Record<ReportFieldKey, z.ZodType> = {
  tenantId: tenantIdSchema,
  kind: z.enum(reportKinds).describe(fieldDescriptions.kind),
  level: levelSchema,
  formats: z.array(z.enum(reportFormats)).min(1).describe(`${fieldDescriptions.formats} ${valuesText(valueDescriptions.reportFormats)}`),
  month: monthSchema.describe(`The period as a calendar month, YYYY-MM (instead of periodStart and periodEnd). ${fieldDescriptions.period}`),
  periodStart: date.describe(`The first day of the period, YYYY-MM-DD. ${fieldDescriptions.period}`),
  periodEnd: date.describe(`The last day of the period, YYYY-MM-DD. ${fieldDescriptions.period}`),
  hideZeroUsage: z.boolean().describe(fieldDescriptions.hideZeroUsage),
  showSkus: z.boolean().describe(fieldDescriptions.showSkus),
  resultAction: z.enum(resultActions).describe(fieldDescriptions.resultAction),
  recipients: z.array(uuid).describe(fieldDescriptions.recipients),
  scheduleType: z.enum(scheduleTypes).describe(fieldDescriptions.scheduleType),
  enabled: z.boolean().describe('For a monthly report: false pauses it, true resumes it.'),
  generationDate: date.describe('For a one-time report: the day it is generated, YYYY-MM-DD.'),
};

const optionalShape = <K extends ReportFieldKey>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, fieldSchemas[key].optional()])) as Record<K, z.ZodOptional<z.ZodType>>;

/** Every field of a create, each optional: core fills the defaults (a one-time usage summary, saved) and checks the whole. */
export const createFieldsShape = optionalShape(createFieldKeys);
/** What an update may change. */
export const updateFieldsShape = optionalShape(updateFieldKeys);
