export { apiBasePath, loadOpenApiDocument, openapiPath, type OpenApiDocument } from './document.js';
export { listOperations, type HttpMethod, type OperationDescription, type ParameterDescription } from './operations.js';
export { createOpenApiValidator, formatViolations, type OpenApiValidator, type SchemaViolation } from './validator.js';
