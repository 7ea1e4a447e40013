import { describe, expect, it } from 'vitest';
import { csvRows, renderWhole } from './helpers.js';

const MB = 1_000_000;

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
        // Row by row: 30 MB of fields held at once take longer to collect than to check.
        const rows = csvRows(text);
        const header = rows.next().value!;
        const ragged: string[][] = [];
        const tenants = new Set<string>();
        for (const row of rows) {
          if (row.length !== header.length) ragged.push(row);
          tenants.add(row[format === 'csv' ? 2 : 0]!);
        }
        expect(ragged).toEqual([]);
        expect(tenants.size).toBeGreaterThan(10_000);
      }
    }, 30_000);
  }
});
