import { describe, expect, it } from 'vitest';
import { renderReportFile } from '../../src/content/index.js';
import { renderWhole, request, tree } from './helpers.js';

const MB = 1_000_000;

describe('targetBytes, streamed', () => {
  // Daily files repeat each tenant and item on every day of the period, so they compress further, as real ones do.
  it('pads a json_v2_0 daily report to at least 30 MB of valid JSON', () => {
    const { text, bytes, ratio } = renderWhole('json_v2_0', 'usage_daily', 30 * MB);
    expect(bytes).toBeGreaterThanOrEqual(30 * MB);
    const json = JSON.parse(text) as { tenants: { id: string; parent_id: string; usages: unknown[] }[] };
    expect(json.tenants.at(-1)!.parent_id).toBe(tree.root.id);
    expect(ratio).toBeLessThan(40);
    console.info(`json_v2_0 usage_daily: ${bytes} bytes, gzip ratio ${ratio.toFixed(1)}x`);
  }, 30_000);

  it('streams 200 MB with flat memory', () => {
    const before = process.memoryUsage().heapUsed;
    let bytes = 0;
    let chunks = 0;
    let peak = before;
    for (const chunk of renderReportFile(request({ format: 'csv_v2_0', kind: 'usage_daily', level: 'all_customers', targetBytes: 200 * MB }))) {
      bytes += Buffer.byteLength(chunk);
      if (++chunks % 256 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    const after = process.memoryUsage().heapUsed;
    expect(bytes).toBeGreaterThanOrEqual(200 * MB);
    expect(after - before).toBeLessThan(64 * 1024 * 1024);
    expect(peak - before).toBeLessThan(256 * 1024 * 1024);
    console.info(`200 MB: heap growth ${((after - before) / 2 ** 20).toFixed(1)} MiB, peak +${((peak - before) / 2 ** 20).toFixed(1)} MiB`);
  }, 30_000);
});
