import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';
import { FIGURES } from '@acronis-reports/core/web';
import { describe, expect, it } from 'vitest';
import { AcronisReports } from '../nodes/AcronisReports/AcronisReports.node.js';
import { AcronisReportsTrigger } from '../nodes/AcronisReportsTrigger/AcronisReportsTrigger.node.js';

// Help texts that keep workflows from waiting for files that never come: monthly reports make only csv and html.
const actions = new AcronisReports().description.properties;
const trigger = new AcronisReportsTrigger().description.properties;

const field = (properties: INodeProperties[], name: string, operation?: string): INodeProperties => {
  const found = properties.find((p) => p.name === name && (!operation || p.displayOptions?.show?.operation?.includes(operation)));
  if (!found) throw new Error(`no field ${name} ${operation ?? ''}`);
  return found;
};
const option = (property: INodeProperties, name: string): INodeProperties | INodePropertyOptions | INodePropertyCollection => {
  const found = property.options?.find((o) => ('value' in o ? o.value : o.name) === name || o.name === name);
  if (!found) throw new Error(`no option ${name} in ${property.name}`);
  return found;
};
const descriptionOf = (value: object): string => ('description' in value && typeof value.description === 'string' ? value.description : '');

describe('format and schedule help', () => {
  const formats = field(actions, 'formats', 'create');

  it('marks the v2 and json_v1 formats one-time only, and csv_v2_0 as the one for machines', () => {
    for (const format of ['json_v1', 'csv_v2_0', 'json_v2_0']) expect(descriptionOf(option(formats, format))).toMatch(/One-time reports only/);
    for (const format of ['csv', 'html']) expect(descriptionOf(option(formats, format))).not.toMatch(/One-time/);
    expect(descriptionOf(option(formats, 'csv_v2_0'))).toMatch(/Recommended for machine use/);
    expect(descriptionOf(option(formats, 'json_v2_0'))).toMatch(/prefer csv_v2_0/);
  });

  it('says on Create that monthly reports offer only csv and html, and recommends csv_v2_0', () => {
    expect(descriptionOf(formats)).toMatch(/Monthly reports offer only csv and html/);
    expect(descriptionOf(formats)).toMatch(/For machine use choose csv_v2_0/);
    const schedule = field(actions, 'scheduleType', 'create');
    expect(descriptionOf(schedule)).toMatch(/Monthly reports offer only csv and html/);
    expect(descriptionOf(option(schedule, 'monthly'))).toMatch(/Only csv and html files/);
  });

  it('says so wherever a workflow waits for or picks files by format', () => {
    const waitOptions = field(actions, 'options', 'waitUntilReady');
    expect(descriptionOf(option(waitOptions, 'formats'))).toMatch(/monthly report makes only csv and html/);
    expect(descriptionOf(field(actions, 'format', 'download'))).toMatch(/monthly report has only csv and html/);
    expect(descriptionOf(field(trigger, 'formats'))).toMatch(/monthly report makes only csv and html/);
  });
});

describe('what a new node shows', () => {
  /** The canvas subtitle n8n shows for these parameters: the description's expression, evaluated as n8n does. */
  const subtitleFor = (parameters: Record<string, string>): string => {
    const expression = String(new AcronisReports().description.subtitle).replace(/^=\{\{|\}\}$/g, '');
    return new Function('$parameter', `return ${expression}`)(parameters) as string;
  };

  it('reads the operation as words on the canvas', () => {
    expect(subtitleFor({ resource: 'report', operation: 'createBilling' })).toBe('Create billing report');
    const operations = actions.filter((p) => p.name === 'operation');
    expect(operations).toHaveLength(2);
    for (const operation of operations) {
      for (const choice of operation.options as INodePropertyOptions[]) {
        const parameters = { resource: String(operation.displayOptions!.show!.resource![0]), operation: String(choice.value) };
        expect(subtitleFor(parameters), JSON.stringify(parameters)).toBe(String(choice.action).replace(/^(\w+) an? /, '$1 '));
      }
    }
    expect(subtitleFor({ resource: 'report', operation: 'getAll' })).toBe('Get many reports');
    expect(subtitleFor({ resource: 'storedReport', operation: 'download' })).toBe('Download stored report');
  });

  it('makes a new Create Billing Report do the whole job: wait and download are on', () => {
    expect(field(actions, 'waitForFiles', 'createBilling').default).toBe(true);
    expect(field(actions, 'downloadFiles', 'createBilling').default).toBe(true);
  });

  it('keeps Create Billing Report on files for saved workflows, and offers every figure of core plus the vendor default', () => {
    expect(field(actions, 'output', 'createBilling').default).toBe('files');
    const figures = (option(field(actions, 'options', 'getBillingLines'), 'figure') as INodeProperties).options as INodePropertyOptions[];
    expect(figures.map((choice) => choice.value)).toEqual([...FIGURES, '']);
    expect(field(actions, 'mapping', 'getBillingLines').description).toMatch(/kept, with empty customer_ref or product_code/);
  });

  it("gives the trigger's Tenant ID the action node's placeholder", () => {
    expect(field(trigger, 'tenantId').placeholder).toBe(field(actions, 'tenantId', 'createBilling').placeholder);
    expect(field(trigger, 'tenantId').placeholder).toMatch(/^e\.g\. /);
  });
});
