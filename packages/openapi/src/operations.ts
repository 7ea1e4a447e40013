import type { OpenApiDocument } from './document.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options';

export interface ParameterDescription {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** JSON pointer of the parameter's schema inside the document. */
  schemaPointer: string;
}

export interface OperationDescription {
  operationId: string;
  method: HttpMethod;
  /** Path template relative to the API base, for example `/reports/{report_id}`. */
  path: string;
  parameters: ParameterDescription[];
  /** Media types of the request body with the pointer of each one's schema; empty when there is no body. */
  requestBody: { required: boolean; content: Record<string, string> };
  /** Security scheme names any one of which is accepted; empty for an open endpoint. */
  security: string[];
  /** Status code (or `default`) to the pointer of the JSON response schema, when the response has one. */
  responses: Record<string, { mediaType: string | null; schemaPointer: string | null }>;
}

const methods: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

function resolve(document: OpenApiDocument, value: any): { value: any; pointer: string | null } {
  if (value && typeof value.$ref === 'string' && value.$ref.startsWith('#/')) {
    const target = value.$ref
      .slice(2)
      .split('/')
      .map((s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((node: any, key: string) => node?.[key], document);
    return { value: target, pointer: value.$ref };
  }
  return { value, pointer: null };
}

/** Flattens the description into one record per operation, with `$ref`s followed and pointers to schemas. */
export function listOperations(document: OpenApiDocument): OperationDescription[] {
  const documentSecurity = ((document.security as Record<string, unknown>[]) ?? []).flatMap(Object.keys);
  const operations: OperationDescription[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    const pathPointer = `#/paths/${escapePointer(path)}`;
    for (const method of methods) {
      const operation = pathItem[method] as any;
      if (!operation) continue;
      const opPointer = `${pathPointer}/${method}`;
      const parameters = new Map<string, ParameterDescription>();
      const addParameters = (list: unknown[] | undefined, listPointer: string) =>
        (list ?? []).forEach((raw, index) => {
          const { value, pointer } = resolve(document, raw);
          const base = pointer ?? `${listPointer}/${index}`;
          parameters.set(`${value.in}:${value.name}`, {
            name: value.name,
            in: value.in,
            required: value.required === true,
            schemaPointer: `${base}/schema`,
          });
        });
      addParameters(pathItem['parameters'] as unknown[] | undefined, `${pathPointer}/parameters`);
      addParameters(operation.parameters, `${opPointer}/parameters`);

      const body = resolve(document, operation.requestBody).value;
      const content: Record<string, string> = {};
      for (const mediaType of Object.keys(body?.content ?? {})) {
        content[mediaType] = `${opPointer}/requestBody/content/${escapePointer(mediaType)}/schema`;
      }

      const responses: OperationDescription['responses'] = {};
      for (const [status, raw] of Object.entries(operation.responses ?? {})) {
        const { value, pointer } = resolve(document, raw);
        const base = pointer ?? `${opPointer}/responses/${status}`;
        const mediaType = Object.keys(value?.content ?? {})[0] ?? null;
        responses[status] = {
          mediaType,
          schemaPointer: mediaType && value.content[mediaType].schema ? `${base}/content/${escapePointer(mediaType)}/schema` : null,
        };
      }

      operations.push({
        operationId: operation.operationId,
        method,
        path,
        parameters: [...parameters.values()],
        requestBody: { required: body?.required === true, content },
        security: ((operation.security as Record<string, unknown>[] | undefined) ?? null)?.flatMap(Object.keys) ?? documentSecurity,
        responses,
      });
    }
  }
  return operations;
}
