import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderReportFile } from '../../src/content/index.js';
import type { ReportFormat, ReportKind } from '../../src/content/index.js';
import { parseCsv, request, tree } from './helpers.js';

const MB = 1_000_000;

function renderWhole(format: ReportFormat, kind: ReportKind, targetBytes: number) {
  const chunks: string[] = [];
  let bytes = 0;
  let largest = 0;
  for (const chunk of renderReportFile(request({ format, kind, level: 'all_customers', showSkus: true, targetBytes }))) {
    const size = Buffer.byteLength(chunk);
    bytes += size;
    largest = Math.max(largest, size);
    chunks.push(chunk);
  }
  const text = chunks.join('');
  return { text, bytes, largest, ratio: bytes / gzipSync(text).length };
}

describe('targetBytes', () => {
  // Summary files: one row per tenant and item, so the padding must vary (names, ids, items, numbers), not repeat.
  for (const format of ['csv_v2_0', 'json_v2_0', 'json_v1', 'csv', 'html'] as const) {
    it(`pads a ${format} summary to at least 30 MB that stays valid and compresses like a real one`, () => {
      const { text, bytes, largest, ratio } = renderWhole(format, 'usage_summary', 30 * MB);
      expect(bytes).toBeGreaterThanOrEqual(30 * MB);
      expect(bytes).toBeLessThan(30 * MB + 128 * 1024);
      expect(largest).toBeLessThanOrEqual(64 * 1024);
      expect(ratio).toBeLessThan(25);
      expect(ratio).toBeGreaterThan(3);
      console.info(`${format} usage_summary: ${bytes} bytes, gzip ratio ${ratio.toFixed(1)}x`);
      if (format === 'json_v2_0') {
        const json = JSON.parse(text) as { tenants: { id: string }[] };
        expect(new Set(json.tenants.map((t) => t.id)).size).toBe(json.tenants.length);
        expect(json.tenants.length).toBeGreaterThan(5_000);
      } else if (format === 'json_v1') {
        expect(JSON.parse(text).rows.length).toBeGreaterThan(50_000);
      } else if (format === 'html') {
        expect(text.endsWith('</tbody>\n</table>\n</body>\n</html>\n')).toBe(true);
      } else {
        const [header, ...rows] = parseCsv(text);
        expect(rows.filter((row) => row.length !== header!.length)).toEqual([]);
        expect(new Set(rows.map((row) => row[format === 'csv' ? 2 : 0])).size).toBeGreaterThan(10_000);
      }
    }, 30_000);
  }

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
