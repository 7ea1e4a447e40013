// The billing mapping: the user's own names for tenants and offering items.
//
//   {
//     "customers": { "<tenant id>": "<customer reference in the PSA>" },
//     "products": [
//       { "offering_item": "local_storage", "ignore": true },
//       { "offering_item": "storage", "backend_type": "google", "product_code": "BK-GCS-GB", "unit_price": 0.08 },
//       { "offering_item": "*compute_points", "product_code": "DR-CP", "unit_price": 0.5 }
//     ]
//   }
//
// A rule matches a line when every match field it gives equals the line's (`*` matches any run of characters;
// "" matches only an empty value); the first matching rule wins. Validation collects every problem at once.

import type { ValidationIssue } from '../errors.js';
import { BillingMappingError } from './mapping-error.js';

const MATCH_FIELDS = ['offering_item', 'edition', 'backend_type', 'sku'] as const;
type MatchField = (typeof MATCH_FIELDS)[number];
const RULE_KEYS = [...MATCH_FIELDS, 'product_code', 'unit_price', 'ignore', 'note'] as const;
const TOP_KEYS = ['customers', 'products', 'note'] as const;

/** One product rule as written in the mapping. */
export interface ProductRule {
  offering_item?: string;
  edition?: string;
  backend_type?: string;
  sku?: string;
  /** The user's product code; required unless `ignore`. */
  product_code?: string;
  /** Price per billing unit (GB, point, seat...), a number >= 0. */
  unit_price?: number;
  /** Leave matching lines out of the billing lines on purpose. */
  ignore?: boolean;
  /** Free text for people; not used. */
  note?: string;
}

export interface BillingMappingInput {
  /** Tenant id -> the customer's reference in the PSA or accounting tool. */
  customers?: Record<string, string>;
  products?: ProductRule[];
  note?: string;
}

/** A checked mapping, ready to apply. */
export interface BillingMapping {
  readonly customers: ReadonlyMap<string, string> | null;
  readonly rules: readonly CompiledRule[] | null;
}

export interface CompiledRule {
  readonly index: number;
  readonly rule: ProductRule;
  readonly matches: (line: Record<MatchField, string>) => boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function unknownKeys(value: Record<string, unknown>, known: readonly string[], at: string, issues: ValidationIssue[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) issues.push({ field: at ? `${at}.${key}` : key, message: `is not a known key (known: ${known.join(', ')})` });
  }
}

/** Checks a mapping (parsed JSON or a library caller's object); throws BillingMappingError listing every problem. */
export function parseBillingMapping(input: unknown): BillingMapping {
  const issues: ValidationIssue[] = [];
  if (!isRecord(input)) throw new BillingMappingError({ issues: [{ field: 'mapping', message: 'should be a JSON object with customers and/or products' }] });
  unknownKeys(input, TOP_KEYS, '', issues);
  const customers = input['customers'] === undefined ? null : checkCustomers(input['customers'], issues);
  const rules = input['products'] === undefined ? null : checkRules(input['products'], issues);
  if (input['note'] !== undefined && typeof input['note'] !== 'string') issues.push({ field: 'note', message: 'should be a string' });
  if (issues.length > 0) throw new BillingMappingError({ issues });
  return { customers, rules };
}

function checkCustomers(value: unknown, issues: ValidationIssue[]): Map<string, string> {
  const out = new Map<string, string>();
  if (!isRecord(value)) {
    issues.push({ field: 'customers', message: 'should be an object of tenant id -> customer reference' });
    return out;
  }
  for (const [tenantId, ref] of Object.entries(value)) {
    const at = `customers.${tenantId}`;
    if (!UUID.test(tenantId)) issues.push({ field: at, message: 'is not a tenant id (a UUID)' });
    else if (typeof ref !== 'string' || ref.trim() === '') issues.push({ field: at, message: 'should be a non-empty string, the customer reference' });
    else if (out.has(tenantId.toLowerCase())) issues.push({ field: at, message: 'is given twice (tenant ids are not case-sensitive)' });
    else out.set(tenantId.toLowerCase(), ref);
  }
  return out;
}

function checkRules(value: unknown, issues: ValidationIssue[]): CompiledRule[] {
  if (!Array.isArray(value)) {
    issues.push({ field: 'products', message: 'should be an array of product rules' });
    return [];
  }
  const out: CompiledRule[] = [];
  value.forEach((rule: unknown, index) => {
    const at = `products[${index}]`;
    if (!isRecord(rule)) {
      issues.push({ field: at, message: 'should be an object' });
      return;
    }
    const before = issues.length;
    unknownKeys(rule, RULE_KEYS, at, issues);
    for (const field of [...MATCH_FIELDS, 'product_code', 'note'] as const) {
      if (rule[field] !== undefined && typeof rule[field] !== 'string') issues.push({ field: `${at}.${field}`, message: 'should be a string' });
    }
    const price = rule['unit_price'];
    if (price !== undefined && (typeof price !== 'number' || !Number.isFinite(price) || price < 0)) {
      const hint = typeof price === 'string' ? ` (write ${price.trim() || '0'} without quotes, a dot for decimals)` : '';
      issues.push({ field: `${at}.unit_price`, message: `should be a number of 0 or more, got ${JSON.stringify(price)}${hint}` });
    }
    if (rule['ignore'] !== undefined && typeof rule['ignore'] !== 'boolean') issues.push({ field: `${at}.ignore`, message: 'should be true or false' });
    const ignore = rule['ignore'] === true;
    const code = rule['product_code'];
    if (ignore && (code !== undefined || price !== undefined)) {
      issues.push({ field: at, message: 'ignores its lines, so it cannot also give a product_code or unit_price' });
    } else if (!ignore && (typeof code !== 'string' || code.trim() === '')) {
      issues.push({ field: `${at}.product_code`, message: 'is required (or "ignore": true to leave the lines out)' });
    }
    if (issues.length === before) out.push({ index, rule: rule as ProductRule, matches: matcher(rule as ProductRule) });
  });
  return out;
}

function matcher(rule: ProductRule): (line: Record<MatchField, string>) => boolean {
  const tests = MATCH_FIELDS.filter((field) => rule[field] !== undefined).map((field) => {
    const pattern = rule[field]!;
    if (!pattern.includes('*')) return (line: Record<MatchField, string>) => line[field] === pattern;
    const regex = new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`, 's');
    return (line: Record<MatchField, string>) => regex.test(line[field]);
  });
  return (line) => tests.every((test) => test(line));
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
