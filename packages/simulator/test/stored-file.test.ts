import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReportFileRequest } from '../src/content/index.js';
import { StoredFile } from '../src/state/stored-file.js';

/** A report whose content cannot be rendered: its tenant tree throws on first use. */
const unrenderable = {
  tree: new Proxy({}, { get: () => { throw new Error('render failed'); } }),
  tenantId: 'ede9f834-70b3-476c-83d9-736f9f8c7dae',
  kind: 'usage_summary',
  level: 'direct_partners',
  format: 'csv',
  period: { start: '2026-10-01', end: '2026-10-31' },
  generationDate: '2026-11-01',
  hideZeroUsage: false,
  showSkus: false,
  seed: 1,
} as unknown as ReportFileRequest;

describe('a stored file whose content fails to render', () => {
  afterEach(() => vi.restoreAllMocks());

  it('becomes a failed generation instead of an unhandled rejection', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const file = new StoredFile('stored-1', 'report-1', 'csv', 0, 0, 10, false, unrenderable);
    expect(file.failed).toBe(false);
    await expect(file.ready).resolves.toBeUndefined();
    expect(file.failed).toBe(true);
    expect(file.status(5)).toBe('in_progress');
    expect(file.status(10)).toBe('failed');
    expect(file.digest).toBeNull();
    expect(logged).toHaveBeenCalledOnce();
  });

  it('errors the download stream, so that a response is cut instead of left hanging', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const file = new StoredFile('stored-2', 'report-1', 'csv', 0, 0, 0, false, unrenderable);
    await file.ready;
    const stream = file.openCompressed();
    await expect(
      (async () => {
        for await (const _chunk of stream) {
          // drain
        }
      })(),
    ).rejects.toThrow('render failed');
    expect(stream.destroyed).toBe(true);
  });
});
