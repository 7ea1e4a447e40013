import type { Simulator } from '@acronis-reports/simulator';

export interface SoakOutcome {
  flows: number;
  ok: number;
  typed: Record<string, number>;
  untyped: string[];
  files: number;
  corrupt: number;
  strayFiles: number;
  handedTwice: number;
  unclaimedReports: number;
  doubled: number;
  injected: Record<string, number>;
}

export function runSoak(options: {
  sim: Simulator;
  createClient: (credentials: { baseUrl: string; clientId: string; clientSecret: string }, options: object) => unknown;
  saveDownload: (download: never, path: string) => Promise<{ path: string; bytes: number }>;
  runtime: object;
  flows?: number;
  concurrency?: number;
  faultRate?: number;
  seed?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}): Promise<SoakOutcome>;

export function printSoak(outcome: SoakOutcome, print?: (line: string) => void): void;
