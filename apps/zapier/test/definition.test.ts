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

  it('pairs search-or-create with a real search and create', () => {
    for (const [key, pair] of Object.entries(App.searchOrCreates ?? {})) {
      expect(groups['searches']![pair.search], key).toBeDefined();
      expect(groups['creates']![pair.create], key).toBeDefined();
    }
  });
});
