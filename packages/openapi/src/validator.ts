import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { loadOpenApiDocument, type OpenApiDocument } from './document.js';

// ajv-formats ships CommonJS with a default export that NodeNext sees one level down.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const documentId = 'https://acronis-reports.invalid/openapi.json';

export interface SchemaViolation {
  /** JSON pointer of the offending value, `''` for the whole value. */
  path: string;
  message: string;
}

export interface OpenApiValidator {
  /** Validates a value against the schema at a JSON pointer of the description, such as `#/components/schemas/Report`. */
  validate(schemaPointer: string, value: unknown): SchemaViolation[];
}

function describeError(error: ErrorObject): SchemaViolation | null {
  const path = error.instancePath;
  switch (error.keyword) {
    case 'if':
      return null; // the failing `then` branch is reported by its own errors
    case 'additionalProperties':
      return { path: `${path}/${error.params['additionalProperty']}`, message: 'is not a known field' };
    case 'required':
      return { path: `${path}/${error.params['missingProperty']}`, message: 'is required' };
    case 'enum':
      return { path, message: `must be one of ${(error.params['allowedValues'] as unknown[]).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(error.params['allowedValue'])}` };
    case 'pattern':
      return { path, message: /\[0-9a-f\]\{8\}/.test(String(error.params['pattern'])) ? 'must be a lowercase UUID' : `must match ${error.params['pattern']}` };
    default:
      return { path, message: error.message ?? 'is invalid' };
  }
}

/** Compiles validators for the description's schemas on first use. */
export function createOpenApiValidator(document: OpenApiDocument = loadOpenApiDocument()): OpenApiValidator {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: documentId });
  const compiled = new Map<string, ValidateFunction>();

  return {
    validate(schemaPointer, value) {
      let check = compiled.get(schemaPointer);
      if (!check) {
        check = ajv.compile({ $ref: `${documentId}${schemaPointer}` });
        compiled.set(schemaPointer, check);
      }
      if (check(value)) return [];
      const seen = new Set<string>();
      return (check.errors ?? [])
        .map(describeError)
        .filter((violation): violation is SchemaViolation => violation !== null)
        .filter((violation) => {
          const key = `${violation.path} ${violation.message}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
    },
  };
}

/** One line for people: `parameters.kind must be one of ...; recipients is required`. */
export function formatViolations(violations: SchemaViolation[], subject = 'body'): string {
  return violations
    .map(({ path, message }) => `${path ? path.slice(1).replace(/\//g, '.') : subject} ${message}`)
    .join('; ');
}
