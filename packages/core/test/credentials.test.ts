import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCredentials, ValidationError } from '../src/node/index.js';

const folder = mkdtempSync(join(tmpdir(), 'credentials-'));
const secretFile = (name: string, text: string) => {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
};
const env = {
  ACRONIS_BASE_URL: ' https://eu2-cloud.acronis.com ',
  ACRONIS_CLIENT_ID: 'env-id',
  ACRONIS_CLIENT_SECRET: 'env-secret',
};

describe('findCredentials: one set of rules for where the CLI and the MCP server take credentials from', () => {
  it('takes what is given before the ACRONIS_* variables, part by part, URL and id trimmed', () => {
    expect(findCredentials({}, env)).toEqual({ baseUrl: 'https://eu2-cloud.acronis.com', clientId: 'env-id', clientSecret: 'env-secret', missing: [] });
    expect(findCredentials({ clientId: 'flag-id', baseUrl: '' }, env)).toMatchObject({ baseUrl: 'https://eu2-cloud.acronis.com', clientId: 'flag-id', clientSecret: 'env-secret' });
  });

  it('takes a secret given directly before a secret file of the same source, and a given file before a variable', () => {
    const file = secretFile('secret.txt', 'file-secret\r\n');
    const both = { ACRONIS_CLIENT_SECRET: 'env-secret', ACRONIS_CLIENT_SECRET_FILE: file };
    expect(findCredentials({}, both).clientSecret).toBe('env-secret');
    expect(findCredentials({}, { ACRONIS_CLIENT_SECRET_FILE: file }).clientSecret).toBe('file-secret');
    expect(findCredentials({ clientSecretFile: file }, both).clientSecret).toBe('file-secret');
    expect(findCredentials({ clientSecret: 'flag-secret', clientSecretFile: file }, both).clientSecret).toBe('flag-secret');
  });

  it('names what is missing, all three when nothing is given', () => {
    expect(findCredentials({}, {}).missing).toEqual(['baseUrl', 'clientId', 'clientSecret']);
    expect(findCredentials({}, { ACRONIS_BASE_URL: 'https://x.example', ACRONIS_CLIENT_ID: '  ' }).missing).toEqual(['clientId', 'clientSecret']);
  });

  it('refuses a secret file it cannot read with a ValidationError naming the file', () => {
    const error = (() => {
      try {
        return findCredentials({}, { ACRONIS_CLIENT_SECRET_FILE: join(folder, 'absent.txt') });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/clientSecretFile cannot be read from .*absent\.txt \(ENOENT\)/);
  });
});
