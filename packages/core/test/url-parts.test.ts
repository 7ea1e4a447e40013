import { describe, expect, it } from 'vitest';
import { fillPath, queryString } from '../src/transport/url-parts.js';

describe('path and query serializers', () => {
  it('fill every placeholder, encode what needs it, and leave a missing one in place', () => {
    expect(fillPath('/api/2/reports/{report_id}/stored/{stored_report_id}', { report_id: 'a b', stored_report_id: '7' })).toBe('/api/2/reports/a%20b/stored/7');
    expect(fillPath('/api/2/reports/{report_id}', { report_id: undefined })).toBe('/api/2/reports/{report_id}');
  });

  it('join plain query values, skip empty ones, and refuse lists and objects', () => {
    expect(queryString({ version: 3, note: 'a&b', skipped: undefined, flag: true })).toBe('version=3&note=a%26b&flag=true');
    expect(queryString({})).toBe('');
    expect(() => queryString({ ids: ['a', 'b'] })).toThrow('URL parameter ids must be a string, number or boolean');
    expect(() => fillPath('/x/{id}', { id: { a: 1 } })).toThrow(TypeError);
  });
});
