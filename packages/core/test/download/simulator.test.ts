// Downloads real stored reports from the simulator over loopback HTTP, in both ways a body can arrive:
// decoded by fetch (Content-Encoding: gzip) and as raw gzip bytes (no header).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '@acronis-reports/simulator';
import { decodeStoredReportBody, parseUsageRows, readBytes, readText, type UsageRow } from '../../src/download/index.js';
import { createReportsClient, requestAccessToken, type ReportFormat, type ReportsClient, type StoredReport } from '../../src/node/index.js';
import { nodeRuntime } from '../../src/node/runtime.js';

let sim: Simulator;
let client: ReportsClient;
let token: string;

const api = (path: string, init: RequestInit = {}): Promise<Response> =>
  fetch(`${sim.apiBaseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });

interface Report {
  id: string;
  items: Map<string, StoredReport>;
}

/** A one-time report made and waited for by core; its files are then fetched raw, to test decoding alone. */
async function createReport(formats: ReportFormat[]): Promise<Report> {
  const { id } = await client.createReport({
    parameters: { tenant_id: sim.tenantId, level: 'all_customers', kind: 'usage_summary', formats, period: { start: '2026-10-01', end: '2026-10-31' }, show_skus: true },
    schedule: { type: 'once' },
    result_action: 'save',
  });
  sim.control.advanceClock(100);
  const items = await client.waitForStoredReports(id, { initialDelayMs: 25, maxDelayMs: 25, timeoutMs: 30_000 });
  return { id, items: new Map(items.map((item) => [item.report_format, item])) };
}

async function download(report: Report, format: string): Promise<Response> {
  const response = await api(`/reports/${report.id}/stored/${report.items.get(format)!.id}`);
  expect(response.status).toBe(200);
  return response;
}

async function usageRows(report: Report, format: 'csv_v2_0' | 'json_v2_0'): Promise<UsageRow[]> {
  const response = await download(report, format);
  const rows: UsageRow[] = [];
  for await (const row of parseUsageRows(decodeStoredReportBody(response.body!), format)) rows.push(row);
  return rows;
}

const sorted = (rows: UsageRow[]): string[] => rows.map((row) => JSON.stringify(row)).sort();

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

let report: Report;
let fetchDecoded: { csv: UsageRow[]; json: UsageRow[] };

beforeAll(async () => {
  sim = await createSimulator({ now: '2026-11-15T12:00:00Z', config: { generationDelayMs: 50, listDelayMs: 0 } });
  const credentials = { baseUrl: sim.baseUrl, clientId: sim.clientId, clientSecret: sim.clientSecret };
  client = createReportsClient(credentials);
  token = (await requestAccessToken(credentials, { runtime: nodeRuntime })).accessToken;
  report = await createReport(['csv_v2_0', 'json_v2_0']);
}, 30_000);

afterAll(async () => {
  await sim?.close();
});

describe('stored report downloads from the simulator', () => {
  it('Content-Encoding: gzip: fetch decodes, and csv_v2_0 and json_v2_0 give the same rows', async () => {
    const response = await download(report, 'csv_v2_0');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const bytes = await readBytes(decodeStoredReportBody(response.body!));
    expect(await sha256(bytes)).toBe((await sim.control.storedFile(report.items.get('csv_v2_0')!.id)).sha256);

    const csv = await usageRows(report, 'csv_v2_0');
    const json = await usageRows(report, 'json_v2_0');
    expect(csv.length).toBeGreaterThan(10);
    expect(sorted(csv)).toEqual(sorted(json));
    fetchDecoded = { csv, json };
  });

  it('normalises storage to GB and DR compute to points, and keeps SKUs', async () => {
    const { csv } = fetchDecoded;
    const storage = csv.filter((row) => row.offeringItem.includes('storage'));
    const compute = csv.filter((row) => row.offeringItem === 'compute_points');
    expect(storage.length).toBeGreaterThan(0);
    expect(compute.length).toBeGreaterThan(0);
    for (const row of storage) {
      expect(row).toMatchObject({ unit: 'GB', rawUnit: 'bytes' });
      // The simulator's storage ranges from about 1 GB to a few thousand GB per item.
      expect(row.absolute.total).toBeLessThan(100_000);
    }
    for (const row of compute) {
      expect(row).toMatchObject({ unit: 'points', rawUnit: 'seconds' });
      for (const value of Object.values(row.absolute)) expect(Math.round(value * 100) / 100).toBe(value);
    }
    expect(csv.filter((row) => row.rawUnit === 'quantity').every((row) => row.unit === 'count')).toBe(true);
    expect(csv.some((row) => row.sku !== null)).toBe(true);
    expect(csv.every((row) => row.delta !== null && row.effective !== null && row.date === null)).toBe(true);
  });

  it('raw gzip without the header: decoded by magic bytes, to the same rows', async () => {
    sim.control.updateConfig({ gzipContentEncoding: false });
    try {
      const raw = await download(report, 'json_v2_0');
      expect(raw.headers.get('content-encoding')).toBeNull();
      const head = await readBytes(raw.body!);
      expect([head[0], head[1]]).toEqual([0x1f, 0x8b]);

      const text = await readText(decodeStoredReportBody((await download(report, 'json_v2_0')).body!));
      expect(JSON.parse(text)).toHaveProperty('tenants');

      const csv = await usageRows(report, 'csv_v2_0');
      const json = await usageRows(report, 'json_v2_0');
      expect(sorted(csv)).toEqual(sorted(fetchDecoded.csv));
      expect(sorted(json)).toEqual(sorted(fetchDecoded.json));
    } finally {
      sim.control.updateConfig({ gzipContentEncoding: true });
    }
  });

  it('a body cut off mid-way fails, in both modes, never ends as a short file', async () => {
    for (const gzipContentEncoding of [true, false]) {
      sim.control.updateConfig({ gzipContentEncoding });
      try {
        for (const format of ['csv_v2_0', 'json_v2_0'] as const) {
          sim.control.addFault({ type: 'truncate', fraction: 0.5, path: '/api/2/reports/*/stored/*' });
          await expect(usageRows(report, format)).rejects.toThrow();
        }
      } finally {
        sim.control.clearFaults();
        sim.control.updateConfig({ gzipContentEncoding: true });
      }
    }
  });

  it('streams a large file (raw gzip): both formats agree row by row', async () => {
    sim.control.updateConfig({ fileTargetBytes: 8_000_000, gzipContentEncoding: false });
    try {
      const large = await createReport(['csv_v2_0', 'json_v2_0']);
      // A running hash of the rows after each one: the files are padded to a size, so the more verbose JSON
      // holds fewer rows, and they must be the CSV's first ones.
      const hashes = async (format: 'csv_v2_0' | 'json_v2_0'): Promise<number[]> => {
        const after: number[] = [];
        let hash = 0x811c9dc5;
        const body = decodeStoredReportBody((await download(large, format)).body!);
        for await (const row of parseUsageRows(body, format)) {
          const text = JSON.stringify(row);
          for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
          after.push(hash);
        }
        return after;
      };
      const csv = await hashes('csv_v2_0');
      const json = await hashes('json_v2_0');
      expect(json.length).toBeGreaterThan(10_000);
      expect(csv.length).toBeGreaterThanOrEqual(json.length);
      expect(json.at(-1)).toBe(csv[json.length - 1]);
    } finally {
      sim.control.updateConfig({ fileTargetBytes: null, gzipContentEncoding: true });
    }
  }, 60_000);
});
