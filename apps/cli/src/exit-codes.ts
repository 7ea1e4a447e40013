import {
  AcronisReportsError,
  AuthenticationError,
  ConflictError,
  CreateOutcomeUnknownError,
  NetworkError,
  NotFoundError,
  PermissionError,
  ReportGenerationFailedError,
  StoredFileNotReadyError,
  StoredFileUnavailableError,
  TimeoutError,
  ValidationError,
  WaitTimeoutError,
} from '@acronis-reports/core';

/** Exit codes: stable, documented in --help, so scripts can tell failures apart. */
export const exitCodes = {
  ok: 0,
  unexpected: 1,
  badInput: 2,
  auth: 3,
  notFound: 4,
  conflict: 5,
  generationFailed: 6,
  timeout: 7,
  network: 8,
  api: 9,
  createOutcomeUnknown: 10,
  fileNotReady: 11,
  fileUnavailable: 12,
} as const;

export const exitCodeHelp = `Exit codes:
  0  success
  1  unexpected error
  2  bad input: a flag, a value or a missing credential (nothing was sent)
  3  authentication or permission: wrong client id or secret, token refused, tenant not allowed
  4  not found: report, stored report or tenant
  5  conflict: the report's version changed
  6  report generation failed on the data center
  7  timed out: files not ready in time, or no answer
  8  network: the data center could not be reached or the connection dropped
  9  other API error: server error, rate limit, usage history not ready yet
  10  a create's answer was lost and the report may exist: look for it before creating it again
  11  file not ready yet: it is still being generated (1 to 2 minutes); wait, then try again
  12  file will never exist: a format the report did not request, an e-mailed report, a monthly report's v2 format
  130  interrupted (Ctrl-C): says what it leaves on the data center and how to remove it`;

export class UsageError extends Error {}

export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError || error instanceof ValidationError) return exitCodes.badInput;
  if (error instanceof AuthenticationError || error instanceof PermissionError) return exitCodes.auth;
  if (error instanceof CreateOutcomeUnknownError) return exitCodes.createOutcomeUnknown;
  if (error instanceof NotFoundError) return exitCodes.notFound;
  if (error instanceof ConflictError) return exitCodes.conflict;
  if (error instanceof ReportGenerationFailedError) return exitCodes.generationFailed;
  if (error instanceof StoredFileNotReadyError) return exitCodes.fileNotReady;
  if (error instanceof StoredFileUnavailableError) return exitCodes.fileUnavailable;
  if (error instanceof WaitTimeoutError || error instanceof TimeoutError) return exitCodes.timeout;
  if (error instanceof NetworkError) return exitCodes.network;
  if (error instanceof AcronisReportsError) return exitCodes.api;
  return exitCodes.unexpected;
}
