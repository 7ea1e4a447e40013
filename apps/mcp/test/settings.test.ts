// How the server is started: writes stay off unless asked for by flag or variable, and a bad argument is named.
import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../src/settings.js';
import { call, connect } from './support.js';

describe('start-up settings', () => {
  it('keeps writes off unless --allow-writes or ACRONIS_MCP_ALLOW_WRITES is given', () => {
    expect(parseInvocation([], {})).toEqual({ kind: 'serve', settings: { simulator: false, allowWrites: false } });
    expect(parseInvocation([], { ACRONIS_MCP_ALLOW_WRITES: '0' })).toMatchObject({ settings: { allowWrites: false } });
    expect(parseInvocation([], { ACRONIS_MCP_ALLOW_WRITES: 'no' })).toMatchObject({ settings: { allowWrites: false } });
    expect(parseInvocation([], { ACRONIS_MCP_ALLOW_WRITES: 'true' })).toMatchObject({ settings: { allowWrites: true } });
    expect(parseInvocation(['--allow-writes', '--simulator'], {})).toMatchObject({ settings: { allowWrites: true, simulator: true } });
  });

  it('takes the default mapping from --mapping over ACRONIS_MCP_MAPPING_FILE, and names a bad argument', () => {
    expect(parseInvocation([], { ACRONIS_MCP_MAPPING_FILE: '/env.json' })).toMatchObject({ settings: { mappingFile: '/env.json' } });
    expect(parseInvocation(['--mapping', '/flag.json'], { ACRONIS_MCP_MAPPING_FILE: '/env.json' })).toMatchObject({ settings: { mappingFile: '/flag.json' } });
    expect(parseInvocation(['--mapping'], {})).toEqual({ kind: 'usage-error', message: '--mapping needs a file.' });
    expect(parseInvocation(['--allow-write'], {})).toEqual({ kind: 'usage-error', message: 'Unknown argument --allow-write.' });
  });

  it('--simulator serves the embedded simulator without credentials', async () => {
    const session = await connect({}, ['--simulator']);
    try {
      const result = await call(session, 'list_reports');
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ total: 0, reports: [] });
      expect(session.stderr()).toContain('embedded simulator at http://127.0.0.1:');
    } finally {
      await session.close();
    }
  });
});
