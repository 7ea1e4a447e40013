export type { BillingLine, BillingLineException, BillingLineFlag, Figure, FigureMeasure, FigurePart } from './types.js';
export { BILLING_LINE_COLUMNS } from './types.js';
export { defaultFigure, parseFigure, FIGURES, type FigureChoice } from './figure.js';
export { parseBillingMapping, type BillingMapping, type BillingMappingInput, type ProductRule } from './mapping.js';
export { BillingMappingError } from './mapping-error.js';
export { applyMapping, type MappedLines, type UnusedMappingEntry } from './apply-mapping.js';
export { compareWithPrevious, DEFAULT_CHANGE_THRESHOLD } from './compare.js';
export { billingLinesOfFile, billingLinesOfRows, type BillingLinesOptions, type BillingLinesResult } from './compute.js';
export { billingLinesCsv, billingLinesJson, BILLING_LINES_CSV_HEADER } from './output.js';
