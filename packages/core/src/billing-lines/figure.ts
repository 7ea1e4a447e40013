// Which figure of a usage row is billed. By default what the vendor's own billing module bills: `absolute`,
// except compute points (a counter that resets each period), which bill `delta`; `total` (production + trial)
// for customers, `production` for every other kind (partners, folders...). See billing-semantics.md.

import type { Figure, FigureMeasure, FigurePart } from './types.js';

const MEASURES: readonly FigureMeasure[] = ['absolute', 'delta', 'effective'];
const PARTS: readonly FigurePart[] = ['production', 'total', 'trial'];

export const isComputePointsItem = (offeringItem: string): boolean => offeringItem.includes('compute_points');

/** The vendor module's figure for an offering item of a tenant kind. */
export function defaultFigure(offeringItem: string, tenantKind: string): Figure {
  const measure: FigureMeasure = isComputePointsItem(offeringItem) ? 'delta' : 'absolute';
  const part: FigurePart = tenantKind === 'customer' ? 'total' : 'production';
  return `${measure}.${part}`;
}

/** A figure the caller chose: one for every row, or a function of the row's item and tenant kind. */
export type FigureChoice = Figure | ((offeringItem: string, tenantKind: string) => Figure);

/** `text` as a figure, or null when it is not one (`absolute.total`, `delta.production`, ...). */
export function parseFigure(text: string): Figure | null {
  const [measure, part, extra] = text.split('.');
  if (extra !== undefined || !MEASURES.includes(measure as FigureMeasure) || !PARTS.includes(part as FigurePart)) return null;
  return text as Figure;
}

export const FIGURES: readonly Figure[] = MEASURES.flatMap((m) => PARTS.map((p): Figure => `${m}.${p}`));
