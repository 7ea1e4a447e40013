/** Behaviour the simulator lets people and tests tune, at start or later through `/_simulator/config`. */
export interface SimulatorConfig {
  /** Time from a generation's start until its stored reports are `saved` (simulated clock). */
  generationDelayMs: number;
  /** Time after a generation's start during which the stored list does not show it yet. */
  listDelayMs: number;
  /** Lifetime of issued access tokens, in seconds. */
  tokenLifetimeSeconds: number;
  /** Pad the files of generations started from now on to at least this many bytes (decompressed); null: natural size. */
  fileTargetBytes: number | null;
  /** Write `created_at` with a `+00:00` offset (the vendor's usual style) or without one (also seen). */
  createdAtWithOffset: boolean;
  /** Send downloads with `Content-Encoding: gzip` (the vendor's behaviour) or as raw gzip bytes without it. */
  gzipContentEncoding: boolean;
  /** Answer `POST /reports` with "usage history is not ready" between 01:00 and 06:00 UTC (simulated clock). */
  nightlyUsageHistoryGap: boolean;
}

export const defaultConfig: SimulatorConfig = {
  generationDelayMs: 3000,
  listDelayMs: 300,
  tokenLifetimeSeconds: 7200,
  fileTargetBytes: null,
  createdAtWithOffset: true,
  gzipContentEncoding: true,
  nightlyUsageHistoryGap: true,
};

export function checkConfig(patch: Record<string, unknown>): string | null {
  for (const [key, value] of Object.entries(patch)) {
    if (!(key in defaultConfig)) return `unknown setting ${key}; known: ${Object.keys(defaultConfig).join(', ')}`;
    const expected = typeof defaultConfig[key as keyof SimulatorConfig];
    if (key === 'fileTargetBytes') {
      if (value !== null && !(Number.isInteger(value) && (value as number) > 0)) return 'fileTargetBytes must be a positive integer or null';
    } else if (typeof value !== expected) return `${key} must be a ${expected}`;
    else if (expected === 'number' && !((value as number) >= 0)) return `${key} must not be negative`;
  }
  return null;
}
