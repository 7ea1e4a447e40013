import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Absolute path of the OpenAPI 3.1 description of the reports API. */
export const openapiPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

/** The path prefix of every endpoint under a data center URL (`https://{datacenter}/api/2`). */
export const apiBasePath = '/api/2';

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
};

/** Reads and parses the description; each call returns a fresh copy that the caller may change. */
export function loadOpenApiDocument(): OpenApiDocument {
  return parse(readFileSync(openapiPath, 'utf8')) as OpenApiDocument;
}
