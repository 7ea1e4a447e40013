import { AcronisReportsError, type RequestEvent } from '@acronis-reports/core';

export interface OutputStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

/**
 * Where things go: data on stdout (JSON with --json, tables otherwise), everything else (progress, notes, errors,
 * the --verbose request trail) on stderr, so a pipe receives only data.
 */
export class Output {
  constructor(
    readonly streams: OutputStreams,
    readonly json: boolean,
    readonly verbose: boolean,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * Progress can redraw in place only on a terminal that says how wide it is (a pseudo-terminal without a size
   * reports 0 columns, and a spinner would then try to clear endless lines).
   */
  get interactive(): boolean {
    const stderr = this.streams.stderr as { isTTY?: boolean; columns?: number };
    return Boolean(stderr.isTTY) && (stderr.columns ?? 0) > 0 && !this.env['CI'];
  }

  data(value: unknown, human: () => string): void {
    this.streams.stdout.write(this.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
  }

  note(message: string): void {
    this.streams.stderr.write(`${message}\n`);
  }

  request(event: RequestEvent): void {
    if (!this.verbose) return;
    const status = event.status ?? `failed (${event.error ?? 'no answer'})`;
    this.note(`  ${event.method} ${event.path} -> ${status} in ${Math.round(event.durationMs)} ms`);
  }

  /** One line saying what failed, and one saying what to do. */
  error(error: unknown): void {
    if (error instanceof AcronisReportsError) {
      this.note(`Error: ${error.summary}`);
      if (error.hint) this.note(`Hint: ${error.hint}`);
    } else {
      const [first, ...rest] = String((error as Error)?.message ?? error).split('\n');
      this.note(`Error: ${first}`);
      if (rest.length) this.note(rest.join('\n'));
      if (this.verbose && error instanceof Error && error.stack) this.note(error.stack);
    }
  }
}
