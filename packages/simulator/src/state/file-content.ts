import { isoDate } from '../clock.js';
import type { ReportFileRequest, ReportFormat } from '../content/index.js';
import type { Parameters } from './reports.js';
import type { World } from './world.js';

/** What one stored file of a generation at `at` holds: the report's parameters over `period`, in `format`. */
export function fileContent(
  world: World,
  parameters: Parameters,
  format: ReportFormat,
  period: { start: string; end: string },
  at: number,
  targetBytes: number | null,
): ReportFileRequest {
  return {
    tree: world.tree,
    tenantId: parameters.tenant_id,
    kind: parameters.kind,
    level: parameters.level,
    format,
    period,
    generationDate: isoDate(at),
    generatedAt: new Date(at).toISOString(),
    hideZeroUsage: parameters.hide_zero_usage ?? false,
    showSkus: parameters.show_skus ?? false,
    seed: world.options.seed,
    ...(targetBytes ? { targetBytes } : {}),
  };
}
