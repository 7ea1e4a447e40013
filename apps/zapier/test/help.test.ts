import { describe, expect, it } from 'vitest';
import createReport from '../src/creates/createReport.js';
import { formatField, formatsField, scheduleTypeField } from '../src/fields.js';
import newStoredReportFile from '../src/triggers/newStoredReportFile.js';

// Help texts that keep Zaps from waiting for files that never come: monthly reports make only csv and html.
const label = (field: { choices: readonly { value: string; label: string }[] }, value: string): string =>
  field.choices.find((choice) => choice.value === value)?.label ?? '';
const inputField = (step: { operation: { inputFields?: readonly unknown[] } }, key: string) =>
  (step.operation.inputFields as { key: string; helpText?: string }[]).find((field) => field.key === key);

describe('format and schedule help', () => {
  it('marks the v2 and json_v1 formats one-time only, and csv_v2_0 as the one for machines', () => {
    for (const field of [formatsField, formatField]) {
      for (const format of ['json_v1', 'csv_v2_0', 'json_v2_0']) expect(label(field, format)).toMatch(/One-time reports only/);
      for (const format of ['csv', 'html']) expect(label(field, format)).not.toMatch(/One-time/);
      expect(label(field, 'csv_v2_0')).toMatch(/Recommended for machine use/);
    }
  });

  it('says on Create Report that monthly reports offer only csv and html, and recommends csv_v2_0', () => {
    expect(inputField(createReport, 'formats')?.helpText).toMatch(/Monthly reports offer only csv and html.*choose `csv_v2_0`/);
    expect(inputField(createReport, 'scheduleType')?.helpText).toMatch(/Monthly reports offer only csv and html/);
    expect(label(scheduleTypeField, 'monthly')).toMatch(/Only csv and html files/);
  });

  it('says so where a Zap picks files by format', () => {
    expect(inputField(newStoredReportFile, 'format')?.helpText).toMatch(/monthly report makes only csv and html/);
  });
});
