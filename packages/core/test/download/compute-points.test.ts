import { describe, expect, it } from 'vitest';
import { parseUsageRows, type UsageRow } from '../../src/download/index.js';
import { collect, encode, streamOf } from './helpers.js';
import { SHAPES, formatOf, usageFile, type Line, type Shape } from './usage-files.js';

// The vendor's compute points items (its billing module's names); files carry them in seconds.
const VENDOR_ITEMS = ['compute_points', 'pw_compute_points', 'dre_compute_points', 'p_dre_compute_points'];

const line = (name: string, unit?: string): Line => ({
  tenant: { id: '11111111-1111-4111-8111-111111111111', kind: 'customer' }, name, application: 'dr', unit,
  infra: { id: 'i', backend_type: 'azure', owner_id: 'o' },
  absolute: [5400, 5454, 54], delta: [-1800, -1818, -18], effective: [90_000, 90_000, 0],
});

const rows = (shape: Shape, lines: Line[]): Promise<UsageRow[]> =>
  collect(parseUsageRows(streamOf([encode(usageFile(shape, lines))]), formatOf(shape)));

const POINTS = {
  unit: 'points',
  absolute: { production: 1.5, total: 1.52, trial: 0.02 },
  delta: { production: -0.5, total: -0.51, trial: -0.01 },
  effective: { production: 25, total: 25, trial: 0 },
};

describe.each(SHAPES)('compute points in %s', (shape) => {
  it.each(VENDOR_ITEMS)('%s in seconds becomes points', async (name) => {
    expect(await rows(shape, [line(name, 'seconds')])).toMatchObject([{ offeringItem: name, rawUnit: 'seconds', ...POINTS }]);
  });

  it.each(VENDOR_ITEMS)('%s without measurement_unit is taken as seconds', async (name) => {
    expect(await rows(shape, [line(name)])).toMatchObject([{ offeringItem: name, rawUnit: null, ...POINTS }]);
  });

  it('converts only compute points: other seconds, and points already, stay as written', async () => {
    const [timer, points] = await rows(shape, [line('backup_seconds', 'seconds'), line('compute_points', 'points')]);
    expect(timer).toMatchObject({ unit: 'seconds', absolute: { production: 5400, total: 5454, trial: 54 } });
    expect(points).toMatchObject({ unit: 'points', rawUnit: 'points', absolute: { production: 5400, total: 5454, trial: 54 } });
  });
});
