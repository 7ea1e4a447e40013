/** One HTTP attempt, as a host may log it (`--verbose`): no headers, no bodies, nothing secret. */
export interface RequestEvent {
  method: string;
  /** Path and query, credentials removed. */
  path: string;
  /** Status of the answer, or null when none came. */
  status: number | null;
  durationMs: number;
  error?: string;
}
