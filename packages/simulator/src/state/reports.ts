import { randomUUID } from 'node:crypto';
import type { ReportFormat, ReportKind, ReportLevel } from '../content/index.js';
import { isoDate, previousMonth, startOfNextMonth, vendorTimestamp, type SimulatedClock } from '../clock.js';
import { VendorError } from '../http/vendor-error.js';
import type { SimulatorConfig } from './config.js';
import { DueQueue } from './due-queue.js';
import { fileContent } from './file-content.js';
import type { FaultBook } from './faults.js';
import { StoredFile } from './stored-file.js';
import type { ApiClient } from './tokens.js';
import type { World } from './world.js';

export interface Parameters {
  tenant_id: string;
  level: ReportLevel;
  kind: ReportKind;
  formats: ReportFormat[];
  period: { start: string; end: string };
  hide_zero_usage?: boolean;
  show_skus?: boolean;
}

export interface ReportRecord {
  id: string;
  version: number;
  result_action: 'save' | 'send';
  recipients: string[];
  parameters: Parameters;
  schedule: { type: 'once' | 'monthly'; enabled: boolean };
  generation_date: string;
  createdAt: number;
  /** When the next generation is due (simulated ms); null when none is. */
  nextRunAt: number | null;
  files: StoredFile[];
}

export interface SentMail {
  reportId: string;
  recipients: string[];
  formats: ReportFormat[];
  period: { start: string; end: string };
  sentAt: string;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Reports with their versions, schedules and generations, advanced lazily to the simulated clock. Indexed so that
 * a request costs the same with thousands of reports: due generations wait in a time-ordered queue, each tenant
 * keeps its report ids in creation order, and stored files are found by id.
 */
export class ReportStore {
  private readonly reports = new Map<string, ReportRecord>();
  private readonly byTenant = new Map<string, Set<string>>();
  private readonly filesById = new Map<string, StoredFile>();
  private readonly due = new DueQueue();
  readonly outbox: SentMail[] = [];

  constructor(
    private readonly world: World,
    private readonly clock: SimulatedClock,
    private readonly config: SimulatorConfig,
    private readonly faults: FaultBook,
  ) {}

  clear(): void {
    this.reports.clear();
    this.byTenant.clear();
    this.filesById.clear();
    this.due.clear();
    this.outbox.length = 0;
  }

  /** Runs every generation that is due by now on the simulated clock, earliest first. */
  tick(): void {
    const now = this.clock.now();
    for (let entry = this.due.takeDue(now); entry; entry = this.due.takeDue(now)) {
      const report = this.reports.get(entry.id);
      // Deleted since it was queued: its entry is simply dropped.
      if (!report || report.nextRunAt !== entry.at) continue;
      const runAt = entry.at;
      if (report.schedule.type === 'monthly') {
        if (report.schedule.enabled) this.generate(report, runAt, previousMonth(runAt));
        report.nextRunAt = startOfNextMonth(runAt);
        report.generation_date = isoDate(report.nextRunAt);
        this.due.push(report.nextRunAt, report.id);
      } else {
        this.generate(report, runAt, report.parameters.period);
        report.nextRunAt = null;
      }
    }
  }

  /**
   * Adds a report, made by `create` or seeded as history (whose past files come with it), after the ones already
   * there: tenants list their reports in the order they were added.
   */
  insert(report: ReportRecord): void {
    this.reports.set(report.id, report);
    let ids = this.byTenant.get(report.parameters.tenant_id);
    if (!ids) this.byTenant.set(report.parameters.tenant_id, (ids = new Set()));
    ids.add(report.id);
    for (const file of report.files) this.filesById.set(file.id, file);
    if (report.nextRunAt !== null) this.due.push(report.nextRunAt, report.id);
  }

  create(client: ApiClient, body: any): ReportRecord {
    const now = this.clock.now();
    const hour = new Date(now).getUTCHours();
    if (this.config.nightlyUsageHistoryGap && hour >= 1 && hour < 6) {
      throw new VendorError(400, 'Usage history is not ready yet: it is prepared between 01:00 and 06:00 UTC.', {
        info: 'Create the report after 06:00 UTC.',
      });
    }
    const parameters = body.parameters;
    this.checkTenant(client, parameters.tenant_id);
    const today = isoDate(now);
    const period = parameters.period ?? defaultPeriod(now);
    if (period.start > period.end) throw badPeriod(`period.start ${period.start} is after period.end ${period.end}`);
    if (period.end > today) throw badPeriod(`period.end ${period.end} is in the future (today is ${today} UTC)`);
    const scheduleType = body.schedule.type as 'once' | 'monthly';
    if (body.schedule.enabled !== undefined && scheduleType === 'once') {
      throw new VendorError(400, 'Request validation failed: schedule.enabled applies to scheduled (monthly) reports only');
    }
    if (scheduleType === 'monthly') checkMonthlyFormats(parameters.formats);
    const defaultFormats: ReportFormat[] =
      body.result_action === 'send' || scheduleType === 'monthly' ? [...MONTHLY_FORMATS] : ['csv_v2_0', 'json_v2_0'];
    // A one-time report is generated on its generation_date, or at once when that is today or already past; the
    // date itself is kept as given, as the vendor's pages show (`2017-05-08` comes back as `2017-05-08`).
    const requested: string | undefined = scheduleType === 'once' ? body.generation_date : undefined;
    const generationAt =
      scheduleType === 'monthly' ? startOfNextMonth(now) : Math.max(now, requested ? Date.parse(`${requested}T00:00:00Z`) : now);

    const report: ReportRecord = {
      id: randomUUID(),
      version: 1,
      result_action: body.result_action,
      recipients: body.recipients ?? [],
      parameters: {
        ...parameters,
        formats: parameters.formats ?? defaultFormats,
        ...(scheduleType === 'once' ? { period } : parameters.period ? { period } : {}),
      },
      schedule: { type: scheduleType, enabled: body.schedule.enabled ?? true },
      generation_date: requested ?? isoDate(generationAt),
      createdAt: now,
      nextRunAt: generationAt,
      files: [],
    };
    this.insert(report);
    this.tick();
    return report;
  }

  get(client: ApiClient, reportId: string): ReportRecord {
    const report = this.reports.get(reportId);
    if (!report) {
      throw new VendorError(404, `Report ${reportId} not found.`, { info: 'Check the report id; it may have been deleted.' });
    }
    this.checkTenant(client, report.parameters.tenant_id);
    return report;
  }

  update(client: ApiClient, reportId: string, body: any): ReportRecord {
    const report = this.get(client, reportId);
    if (report.schedule.type !== 'monthly') {
      throw new VendorError(400, `Report ${reportId} is a one-time report; only scheduled reports can be updated.`, {
        info: 'Create a new report instead.',
      });
    }
    if (body.recipients !== undefined) report.recipients = body.recipients;
    if (body.parameters) Object.assign(report.parameters, body.parameters);
    if (body.schedule?.enabled !== undefined) report.schedule.enabled = body.schedule.enabled;
    report.version += 1;
    return report;
  }

  delete(client: ApiClient, reportId: string, version: number): void {
    const report = this.get(client, reportId);
    if (version !== report.version) {
      throw new VendorError(409, 'Version mismatch', {
        code: 1001,
        info: `The report's current version is ${report.version}; fetch the report and use its version.`,
      });
    }
    this.reports.delete(reportId);
    this.byTenant.get(report.parameters.tenant_id)?.delete(reportId);
    for (const file of report.files) this.filesById.delete(file.id);
  }

  listForTenant(client: ApiClient, tenantId: string): string[] {
    if (!this.world.tenantExists(tenantId)) throw new VendorError(404, `Tenant ${tenantId} not found.`);
    this.checkTenant(client, tenantId);
    return [...(this.byTenant.get(tenantId) ?? [])];
  }

  async storedItems(client: ApiClient, reportId: string) {
    const report = this.get(client, reportId);
    const now = this.clock.now();
    await measureLazyFiles(report.files, now);
    return report.files.flatMap((file) => {
      const status = file.status(now);
      if (status === null) return [];
      return [
        {
          id: file.id,
          report_format: file.format,
          size: status === 'saved' ? file.digest!.size : 0,
          created_at: vendorTimestamp(file.createdAt, this.config.createdAtWithOffset),
          status,
        },
      ];
    });
  }

  async storedFile(client: ApiClient, reportId: string, storedId: string): Promise<StoredFile> {
    const report = this.get(client, reportId);
    const file = this.filesById.get(storedId);
    const now = this.clock.now();
    if (file?.reportId === reportId) await measureLazyFiles([file], now);
    const status = (file?.reportId === reportId && file.status(now)) || null;
    if (!file || status === null) throw new VendorError(404, `Stored report ${storedId} of report ${reportId} not found.`);
    if (status !== 'saved') {
      throw new VendorError(404, `Stored report ${storedId} is ${status === 'failed' ? 'a failed generation' : 'still being generated'}; only saved stored reports can be downloaded.`);
    }
    return file;
  }

  /** Any report's stored file, for the control endpoints. */
  findStoredFile(storedId: string): StoredFile | undefined {
    return this.filesById.get(storedId);
  }

  private generate(report: ReportRecord, at: number, period: { start: string; end: string }): void {
    const { parameters } = report;
    if (report.result_action === 'send') {
      this.outbox.push({
        reportId: report.id,
        recipients: [...report.recipients],
        formats: [...parameters.formats],
        period,
        sentAt: vendorTimestamp(at),
      });
      return;
    }
    const readyAt = at + this.config.generationDelayMs;
    const visibleAt = at + Math.min(this.config.listDelayMs, this.config.generationDelayMs);
    for (const format of parameters.formats) {
      const content = fileContent(this.world, parameters, format, period, at, this.config.fileTargetBytes);
      const file = new StoredFile(randomUUID(), report.id, format, at, visibleAt, readyAt, this.faults.takeGenerationFailure(format), content);
      report.files.push(file);
      this.filesById.set(file.id, file);
    }
  }

  private checkTenant(client: ApiClient, tenantId: string): void {
    if (!this.world.canAccess(client, tenantId)) {
      throw new VendorError(403, `Access to tenant ${tenantId} is denied.`, {
        info: "The API client can reach only its own tenant and the tenants below it.",
      });
    }
  }
}

/** Renders the lazy files whose generation is over by `now`, so that they list as saved with their size. */
async function measureLazyFiles(files: readonly StoredFile[], now: number): Promise<void> {
  const pending = files.filter((file) => file.lazy && !file.digest && !file.failed && file.readyAt <= now);
  await Promise.all(pending.map((file) => file.ready));
}

/** With no period given: the current month up to yesterday, or the whole previous month on the 1st. */
function defaultPeriod(now: number): { start: string; end: string } {
  const yesterday = now - dayMs;
  const start = new Date(yesterday);
  return { start: isoDate(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1)), end: isoDate(yesterday) };
}

/** The only formats the vendor offers for scheduled (monthly) reports. */
const MONTHLY_FORMATS: readonly ReportFormat[] = ['csv', 'html'];

function checkMonthlyFormats(formats: ReportFormat[] | undefined): void {
  const refused = (formats ?? []).filter((format) => !MONTHLY_FORMATS.includes(format));
  if (refused.length === 0) return;
  throw new VendorError(
    400,
    `Request validation failed: monthly reports offer only the csv and html formats, not ${refused.join(', ')}. ` +
      'For csv_v2_0 or json_v2_0, create a one-time report (schedule type once) over the month instead.',
    { info: 'Give parameters.formats csv and/or html, or leave it out for both.' },
  );
}

function badPeriod(problem: string): VendorError {
  return new VendorError(400, `Request validation failed: ${problem}`, { info: 'Give a period in the past with start on or before end.' });
}

export function reportView(report: ReportRecord) {
  return {
    id: report.id,
    version: report.version,
    result_action: report.result_action,
    recipients: report.recipients,
    parameters: report.parameters,
    schedule: report.schedule,
    generation_date: report.generation_date,
  };
}
