// Unit normalisation, as the vendor documents it: storage is reported in binary GB (1024^3 bytes), and Disaster
// Recovery compute points, which the v2 formats carry in seconds, are seconds / 3600 rounded to 2 decimals.
//
// GB keep full precision: rounding every row before summing or pricing would drift totals, and the vendor
// prescribes no rounding for them; round when displaying. Points are rounded, because the vendor says so.
//
// Compute points are every item whose name contains `compute_points`: the vendor's are `compute_points`,
// `pw_compute_points`, `dre_compute_points` and `p_dre_compute_points` (the prefix is the edition).
// Without a measurement unit in the file, the unit is inferred from the offering item's name: bytes when it
// contains `storage`, seconds for compute points, a count otherwise.

import type { UsageAmounts, UsageRow } from './usage-row.js';

const BYTES_PER_GB = 1024 ** 3;
const COUNT_UNITS = new Set(['quantity', 'count', 'items', 'number', 'pieces']);

export interface Normalised {
  unit: string;
  convert: (value: number) => number;
}

const isComputePoints = (offeringItem: string): boolean => offeringItem.includes('compute_points');

export function inferRawUnit(offeringItem: string): string {
  if (isComputePoints(offeringItem)) return 'seconds';
  if (offeringItem.includes('storage')) return 'bytes';
  return 'quantity';
}

/** How to turn amounts of `offeringItem`, measured in `rawUnit` (or the inferred one), into the reported unit. */
export function unitConversion(offeringItem: string, rawUnit: string | null): Normalised {
  const unit = (rawUnit ?? inferRawUnit(offeringItem)).toLowerCase();
  if (unit === 'bytes') return { unit: 'GB', convert: (value) => value / BYTES_PER_GB };
  if (unit === 'seconds' && isComputePoints(offeringItem)) {
    return { unit: 'points', convert: pointsFromSeconds };
  }
  if (unit === 'seconds') return { unit: 'seconds', convert: same };
  if (COUNT_UNITS.has(unit)) return { unit: 'count', convert: same };
  // Already in a unit of its own (GB, points, something new): keep the numbers and the name as written.
  return { unit: rawUnit ?? unit, convert: same };
}

export function convertAmounts(amounts: UsageAmounts, convert: (value: number) => number): UsageAmounts {
  return { production: convert(amounts.production), total: convert(amounts.total), trial: convert(amounts.trial) };
}

const same = (value: number): number => value;

/**
 * seconds / 3600 to 2 decimals, half away from zero (a negative change rounds like its positive twin), never -0.
 * Rounding seconds / 36 to a whole number of hundredths is exact for whole seconds: a tie is exactly .5 in
 * binary, where `Math.round(seconds / 3600 * 100)` could land either side of it.
 */
export function pointsFromSeconds(seconds: number): number {
  const hundredths = Math.round(Math.abs(seconds) / 36);
  return hundredths === 0 ? 0 : (Math.sign(seconds) * hundredths) / 100;
}

/** The measured part of a usage row, in normalised units: both file formats read it differently, and make the same of it. */
export function normalisedUsage(
  offeringItem: string,
  rawUnit: string | null,
  amounts: { absolute: UsageAmounts; delta: UsageAmounts | null; effective: UsageAmounts | null },
): Pick<UsageRow, 'offeringItem' | 'unit' | 'rawUnit' | 'absolute' | 'delta' | 'effective'> {
  const { unit, convert } = unitConversion(offeringItem, rawUnit);
  return {
    offeringItem,
    unit,
    rawUnit,
    absolute: convertAmounts(amounts.absolute, convert),
    delta: amounts.delta && convertAmounts(amounts.delta, convert),
    effective: amounts.effective && convertAmounts(amounts.effective, convert),
  };
}

/** How a reader hands out amounts: converted (GB, points, count), or exactly as the file writes them. */
export type UsageUnits = 'normalised' | 'file';

/**
 * The measured part of a usage row as the file writes it: no conversion and no rounding, `unit` the file's own
 * (or inferred: bytes, seconds, quantity). For callers that sum before converting, such as billing lines.
 */
export function fileUsage(
  offeringItem: string,
  rawUnit: string | null,
  amounts: { absolute: UsageAmounts; delta: UsageAmounts | null; effective: UsageAmounts | null },
): Pick<UsageRow, 'offeringItem' | 'unit' | 'rawUnit' | 'absolute' | 'delta' | 'effective'> {
  return { offeringItem, unit: rawUnit ?? inferRawUnit(offeringItem), rawUnit, ...amounts };
}
