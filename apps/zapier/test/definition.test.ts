import { reportFormats, reportKinds, reportLevels } from '@acronis-reports/core';
import { describe, expect, it } from 'vitest';
import App from '../src/index.js';

type Step = { key: string; display: { hidden?: boolean; label: string; description: string }; operation: { sample?: object; inputFields?: { key: string; dynamic?: string; choices?: { value: string }[] }[]; outputFields?: { key: string; label?: string }[] } };
const groups = { triggers: App.triggers, creates: App.creates, searches: App.searches } as unknown as Record<string, Record<string, Step>>;
const steps = Object.entries(groups).flatMap(([group, entries]) => Object.entries(entries).map(([key, step]) => ({ group, key, step })));

describe('the app definition', () => {
  it('registers every step under its own key', () => {
    for (const { key, step } of steps) expect(step.key).toBe(key);
  });

  it('gives every visible step a sample and labelled output fields', () => {
    for (const { step } of steps.filter(({ step }) => !step.display.hidden)) {
      expect(step.operation.sample, step.key).toBeTruthy();
      expect(step.operation.outputFields?.every((field) => field.label), step.key).toBe(true);
    }
  });

  it('points every dynamic dropdown at a real trigger with the fields it names', () => {
    const dynamics = steps.flatMap(({ step }) => (step.operation.inputFields ?? []).filter((field) => field.dynamic)).map((field) => field.dynamic!);
    expect(dynamics.length).toBeGreaterThan(0);
    for (const dynamic of dynamics) {
      const [trigger, idField, labelField] = dynamic.split('.');
      const target = groups['triggers']![trigger!];
      expect(target, dynamic).toBeDefined();
      expect(Object.keys(target!.operation.sample ?? {})).toEqual(expect.arrayContaining([idField, labelField]));
    }
  });

  it('takes its choices from core\u2019s generated lists', () => {
    const choices = (key: string) => steps.flatMap(({ step }) => step.operation.inputFields ?? []).find((field) => field.key === key)?.choices?.map((choice) => choice.value);
    expect(choices('kind')).toEqual([...reportKinds]);
    expect(choices('level')).toEqual([...reportLevels]);
    expect(choices('format')).toEqual([...reportFormats]);
  });

  it('pairs search-or-create only where the create takes every field the search looks for', () => {
    for (const [key, pair] of Object.entries(App.searchOrCreates ?? {})) {
      const search = groups['searches']![pair.search];
      const create = groups['creates']![pair.create];
      expect(search && create, key).toBeTruthy();
      const createKeys = (create!.operation.inputFields ?? []).map((field) => field.key);
      expect(createKeys, key).toEqual(expect.arrayContaining((search!.operation.inputFields ?? []).map((field) => field.key)));
    }
  });

  it('labels every key of every sample with an output field', () => {
    for (const { step } of steps.filter(({ step }) => !step.display.hidden)) {
      const labelled = new Set((step.operation.outputFields ?? []).filter((field) => field.label).map((field) => field.key));
      for (const key of sampleKeys(step.operation.sample ?? {})) expect(labelled.has(key), `${step.key}: ${key}`).toBe(true);
    }
  });

  it('starts every description with a verb and writes labels in title case', () => {
    for (const { step } of steps) {
      expect(step.display.description, step.key).toMatch(/^(Triggers when|Creates|Updates|Deletes|Downloads|Finds|Lists) /);
      const labels = [step.display.label, ...(step.operation.inputFields ?? []).map((field) => (field as { label?: string }).label ?? ''), ...(step.operation.outputFields ?? []).map((field) => field.label ?? '')];
      for (const label of labels) expect(titleCaseMistakes(label), `${step.key}: ${label}`).toEqual([]);
    }
  });
});

/** Zapier's names for the fields of a sample: nested objects joined with `__`, lists of objects as `list[]field`. */
function sampleKeys(sample: object, prefix = ''): string[] {
  return Object.entries(sample).flatMap(([name, value]) => {
    const key = `${prefix}${name}`;
    if (Array.isArray(value)) {
      if (value.length === 0) return []; // nothing shown, nothing to label
      const objects = value.filter((item) => item && typeof item === 'object');
      return objects.length === 0 ? [key] : [...new Set(objects.flatMap((item) => sampleKeys(item, `${key}[]`)))];
    }
    return value && typeof value === 'object' ? sampleKeys(value, `${key}__`) : [key];
  });
}

const minorWords = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);
/** The words of a label that should start with a capital (all but the first minor words such as "to" or "of"). */
function titleCaseMistakes(label: string): string[] {
  return label
    .split(/\s+/)
    .filter((word, index) => /^\(?[a-z]/.test(word) && (index === 0 || !minorWords.has(word.replace(/^\(/, ''))));
}
