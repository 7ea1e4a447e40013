import type { SimulatedClock } from './clock.js';
import { checkConfig, type SimulatorConfig } from './state/config.js';
import { validateFaultSpec, type Fault, type FaultBook, type FaultSpec } from './state/faults.js';
import type { ReportStore, SentMail } from './state/reports.js';
import type { LoggedRequest, RequestLog } from './state/request-log.js';
import type { TokenIssuer } from './state/tokens.js';

export class ControlError extends Error {}

export interface StoredFileInfo {
  id: string;
  reportId: string;
  format: string;
  fileName: string;
  /** Compressed size, as listed by the API. */
  size: number;
  /** Decompressed size. */
  bytes: number;
  /** SHA-256 (hex) of the decompressed file. */
  sha256: string;
}

/** What tests and people may do to the simulator beyond the API: time, faults, settings, and what happened. */
export class SimulatorControl {
  constructor(
    private readonly parts: {
      clock: SimulatedClock;
      config: SimulatorConfig;
      faults: FaultBook;
      log: RequestLog;
      reports: ReportStore;
      tokens: TokenIssuer;
    },
  ) {}

  now(): string {
    return new Date(this.parts.clock.now()).toISOString();
  }

  /** Moves the simulated clock forward and runs whatever became due (monthly generations). */
  advanceClock(ms: number): string {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new ControlError('advanceMs must be a non-negative number');
    this.parts.clock.advance(ms);
    this.parts.reports.tick();
    return this.now();
  }

  setClock(at: string | number): string {
    const target = new Date(at).getTime();
    if (Number.isNaN(target)) throw new ControlError(`cannot read time ${String(at)}`);
    if (target < this.parts.clock.now()) throw new ControlError('the simulated clock only moves forward');
    this.parts.clock.set(target);
    this.parts.reports.tick();
    return this.now();
  }

  getConfig(): SimulatorConfig {
    return { ...this.parts.config };
  }

  updateConfig(patch: Partial<SimulatorConfig>): SimulatorConfig {
    const problem = checkConfig(patch as Record<string, unknown>);
    if (problem) throw new ControlError(problem);
    Object.assign(this.parts.config, patch);
    return this.getConfig();
  }

  addFault(spec: FaultSpec): Fault {
    const problem = validateFaultSpec(spec);
    if (problem) throw new ControlError(problem);
    return this.parts.faults.add(spec);
  }

  faults(): Fault[] {
    return this.parts.faults.list();
  }

  clearFaults(): void {
    this.parts.faults.clear();
  }

  requests(): LoggedRequest[] {
    return this.parts.log.list();
  }

  clearRequests(): void {
    this.parts.log.clear();
  }

  /** Ends every issued token, as if two hours had passed for them. */
  expireTokens(): number {
    return this.parts.tokens.expireAll();
  }

  /** Sizes and SHA-256 of a generated file; waits until its generation has been measured. */
  async storedFile(storedId: string): Promise<StoredFileInfo> {
    const file = this.parts.reports.findStoredFile(storedId);
    if (!file) throw new ControlError(`no stored report ${storedId}`);
    if (file.failed) throw new ControlError(`stored report ${storedId} is a failed generation`);
    await file.ready;
    if (file.failed) throw new ControlError(`stored report ${storedId} is a failed generation`);
    return { id: file.id, reportId: file.reportId, format: file.format, fileName: file.fileName, ...file.digest! };
  }

  /** Reports with `result_action: send` that were "e-mailed". */
  outbox(): SentMail[] {
    return [...this.parts.reports.outbox];
  }

  /** Forgets reports, faults, the request log and tokens; keeps the clock and settings. */
  reset(): void {
    this.parts.reports.clear();
    this.parts.faults.clear();
    this.parts.log.clear();
    this.parts.tokens.expireAll();
  }
}
