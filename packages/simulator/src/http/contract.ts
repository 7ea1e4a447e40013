import {
  createOpenApiValidator,
  formatViolations,
  listOperations,
  loadOpenApiDocument,
  type OperationDescription,
} from '@acronis-reports/openapi';
import { mediaTypeOf } from './io.js';
import { VendorError } from './vendor-error.js';

export interface ValidatedRequest {
  operation: OperationDescription;
  pathParams: Record<string, string>;
  query: Record<string, unknown>;
  /** The parsed body: JSON for JSON bodies, a plain object for forms, undefined when there is none. */
  body: unknown;
}

/** The operation a request is for, with the values of its path parameters. */
export interface Routed {
  operation: OperationDescription;
  pathParams: Record<string, string>;
}

interface Route {
  operation: OperationDescription;
  pattern: RegExp;
  names: string[];
}

/**
 * The request side of the description, enforced: routing by its paths, then path, query and body checked against
 * its schemas. Anything the description does not allow is a 400 (or 404/405/415) in the vendor's error shape, so
 * the simulator cannot accept what the real API would refuse without the description saying so.
 */
export class Contract {
  private readonly validator;
  private readonly routes: Route[];

  constructor(document = loadOpenApiDocument()) {
    this.validator = createOpenApiValidator(document);
    this.routes = listOperations(document).map((operation) => {
      const names: string[] = [];
      const source = operation.path.replace(/[.*+?^${}()|[\]\\]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`));
      const pattern = new RegExp(
        `^${source.replace(/\{([^}]+)\}/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        })}$`,
      );
      return { operation, pattern, names };
    });
  }

  /** Finds the operation for a method and a path relative to `/api/2`. */
  route(method: string, path: string): Routed {
    const matches = this.routes
      .map((route) => ({ route, match: route.pattern.exec(path) }))
      .filter((candidate) => candidate.match !== null);
    if (matches.length === 0) throw new VendorError(404, `No endpoint ${path} in API v2.`);
    const hit = matches.find((candidate) => candidate.route.operation.method === method.toLowerCase());
    if (!hit) {
      const allowed = matches.map((candidate) => candidate.route.operation.method.toUpperCase()).join(', ');
      throw new VendorError(405, `Method ${method} is not allowed on ${path}; use ${allowed}.`, { headers: { allow: allowed } });
    }
    const pathParams: Record<string, string> = {};
    hit.route.names.forEach((name, index) => {
      pathParams[name] = decodeURIComponent(hit.match![index + 1]!);
    });
    return { operation: hit.route.operation, pathParams };
  }

  validate(
    operation: OperationDescription,
    pathParams: Record<string, string>,
    searchParams: URLSearchParams,
    contentType: string | undefined,
    rawBody: string,
  ): ValidatedRequest {
    const problems: string[] = [];
    const query: Record<string, unknown> = {};
    for (const parameter of operation.parameters) {
      let value: unknown;
      if (parameter.in === 'path') value = pathParams[parameter.name];
      else if (parameter.in === 'query') {
        const raw = searchParams.get(parameter.name);
        value = raw !== null && /^-?\d+$/.test(raw) ? Number(raw) : (raw ?? undefined);
        if (value !== undefined) query[parameter.name] = value;
      } else continue;
      if (value === undefined) {
        if (parameter.required) problems.push(`${parameter.name} (${parameter.in} parameter) is required`);
        continue;
      }
      const violations = this.validator.validate(parameter.schemaPointer, value);
      if (violations.length > 0) problems.push(formatViolations(violations, parameter.name));
    }
    if (problems.length > 0) throw validationError(problems);

    const mediaTypes = Object.keys(operation.requestBody.content);
    if (mediaTypes.length === 0) return { operation, pathParams, query, body: undefined };
    const mediaType = mediaTypeOf(contentType);
    if (!mediaTypes.includes(mediaType)) {
      throw new VendorError(415, `Unsupported media type ${JSON.stringify(mediaType || 'none')}: send Content-Type: ${mediaTypes.join(' or ')}.`);
    }
    const body = parseBody(mediaType, rawBody);
    if (body === undefined && operation.requestBody.required) throw validationError(['body is required']);
    const violations = this.validator.validate(operation.requestBody.content[mediaType]!, body);
    if (violations.length > 0) throw validationError([formatViolations(violations)]);
    return { operation, pathParams, query, body };
  }

  /** Response-side check for tests: the violations of a JSON answer against the description. */
  checkResponse(operation: OperationDescription, status: number, body: unknown): string {
    const declared = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
    if (!declared) return `status ${status} is not declared for ${operation.operationId}`;
    if (!declared.schemaPointer) return body === undefined || body === '' ? '' : `${operation.operationId} ${status} declares no JSON body`;
    return formatViolations(this.validator.validate(declared.schemaPointer, body));
  }
}

function parseBody(mediaType: string, raw: string): unknown {
  if (raw.trim() === '') return undefined;
  if (mediaType === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(raw));
  try {
    return JSON.parse(raw);
  } catch {
    throw new VendorError(400, 'Request body is not valid JSON.', { info: 'Send the report as a JSON object.' });
  }
}

function validationError(problems: string[]): VendorError {
  return new VendorError(400, `Request validation failed: ${problems.join('; ')}`, {
    info: 'Fix the fields named in the message and send the request again.',
  });
}
