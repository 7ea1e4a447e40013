import { describe, expect, it } from 'vitest';
import { inferRawUnit, pointsFromSeconds, unitConversion } from '../../src/download/units.js';

const GIB = 1024 ** 3;

describe('unit normalisation', () => {
  it('turns bytes into binary GB at full precision', () => {
    const { unit, convert } = unitConversion('storage', 'bytes');
    expect(unit).toBe('GB');
    expect(convert(GIB)).toBe(1);
    expect(convert(1536 * 1024 ** 2)).toBe(1.5);
    expect(convert(123_456_789)).toBe(123_456_789 / GIB);
    expect(convert(-GIB)).toBe(-1);
  });

  it('turns DR compute seconds into points, rounded to 2 decimals half away from zero', () => {
    const { unit, convert } = unitConversion('compute_points', 'seconds');
    expect(unit).toBe('points');
    expect(convert(3600)).toBe(1);
    expect(convert(5400)).toBe(1.5);
    expect(convert(18)).toBe(0.01); // 0.005 exactly: a tie, rounds up
    expect(convert(54)).toBe(0.02); // 0.015: a tie that naive float rounding gets wrong
    expect(convert(17)).toBe(0);
    expect(convert(-54)).toBe(-0.02);
    expect(Object.is(convert(-17), 0)).toBe(true);
    expect(convert(90_000)).toBe(25);
    expect(convert(1234)).toBe(0.34);
    expect(pointsFromSeconds(7199)).toBe(2);
  });

  it('keeps counts, other seconds and unknown units as they are', () => {
    expect(unitConversion('pc_backup', 'quantity').unit).toBe('count');
    expect(unitConversion('pc_backup', 'quantity').convert(7)).toBe(7);
    expect(unitConversion('some_timer', 'seconds')).toMatchObject({ unit: 'seconds' });
    expect(unitConversion('some_timer', 'seconds').convert(90)).toBe(90);
    expect(unitConversion('storage', 'GB').unit).toBe('GB');
    expect(unitConversion('storage', 'GB').convert(2.5)).toBe(2.5);
    expect(unitConversion('x', 'Licenses').unit).toBe('Licenses');
  });

  it('infers the unit from the item when the file gives none', () => {
    expect(inferRawUnit('storage')).toBe('bytes');
    expect(inferRawUnit('dr_storage')).toBe('bytes');
    expect(inferRawUnit('fss_storage')).toBe('bytes');
    for (const item of ['compute_points', 'pw_compute_points', 'dre_compute_points', 'p_dre_compute_points']) {
      expect(inferRawUnit(item)).toBe('seconds');
      expect(unitConversion(item, null).unit).toBe('points');
      expect(unitConversion(item, 'seconds').unit).toBe('points');
    }
    expect(inferRawUnit('pc_backup')).toBe('quantity');
    expect(unitConversion('local_storage', null).unit).toBe('GB');
    expect(unitConversion('mailboxes', null).unit).toBe('count');
  });
});
