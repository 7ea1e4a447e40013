import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without typings
import { publicApi, publicApiFile } from '../scripts/public-api.mjs';

describe('the public API', () => {
  it('is exactly what public-api.txt records: an export cannot appear or vanish unnoticed', () => {
    const recorded = readFileSync(publicApiFile as string, 'utf8');
    const current = (publicApi as () => string)();
    // On purpose? `pnpm --filter @acronis-reports/core run api:update`, then say why in the commit and the changelog.
    expect(current).toBe(recorded);
  });

  it('keeps internals out: the CSV tokenizer, the UTF-8 decoder and unit helpers are not exported', () => {
    const names = (publicApi as () => string)().split('\n').map((line) => line.split(' ')[2]);
    for (const internal of ['CsvTokenizer', 'decodeUtf8', 'parseCsv', 'usageRowBatches', 'roundHalfUp', 'allowedFields']) {
      expect(names).not.toContain(internal);
    }
    expect(names).toEqual(expect.arrayContaining(['createReportsClient', 'parseUsageRows', 'billingLinesOfFile', 'ValidationError', 'saveDownloadTo']));
  });
});
