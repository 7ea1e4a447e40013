import { createHash } from 'node:crypto';
import { Readable, Transform, pipeline as pipe, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createGzip } from 'node:zlib';
import { renderReportFile } from '../content/index.js';
import type { ReportFileRequest, ReportFormat } from '../content/index.js';

export type StoredStatus = 'in_progress' | 'saved' | 'failed';

export interface FileDigest {
  /** Compressed size in bytes: the `size` the API lists. */
  size: number;
  /** Size of the decompressed file in bytes. */
  bytes: number;
  /** SHA-256 (hex) of the decompressed file. */
  sha256: string;
}

/** Files padded to a requested size are compressed fast, so that a gigabyte stays quick to serve twice. */
const largeFileLevel = 1;

/**
 * One generated file of a report. Its content is rendered on demand from a deterministic generator and gzipped
 * on the way out: small files keep their compressed bytes, padded large ones are rendered again for each download
 * so that memory stays flat whatever their size. A lazy file (a seeded history report's) is not rendered until
 * somebody first asks for it, so that thousands of them cost nothing at start.
 */
export class StoredFile {
  digest: FileDigest | null = null;
  private compressed: Buffer | null = null;
  #measuring: Promise<void> | null = null;
  #failed: boolean;

  constructor(
    readonly id: string,
    readonly reportId: string,
    readonly format: ReportFormat,
    readonly createdAt: number,
    readonly visibleAt: number,
    readonly readyAt: number,
    failed: boolean,
    private readonly content: ReportFileRequest,
    readonly lazy = false,
  ) {
    this.#failed = failed;
    if (!lazy) void this.ready;
  }

  /** Settles once the file is measured (size, SHA-256); starts that for a lazy file not measured yet. */
  get ready(): Promise<void> {
    // A generation that cannot be measured is a failed one: it lists as failed instead of rejecting unheard.
    this.#measuring ??= this.#failed
      ? Promise.resolve()
      : this.prepare().catch((error: unknown) => {
          console.error(`simulator: generating stored report ${this.id} failed`, error);
          this.#failed = true;
        });
    return this.#measuring;
  }

  /** Whether its generation failed: injected by a fault, or because its content could not be rendered. */
  get failed(): boolean {
    return this.#failed;
  }

  status(now: number): StoredStatus | null {
    if (now < this.visibleAt) return null;
    if (now < this.readyAt) return 'in_progress';
    if (this.failed) return 'failed';
    return this.digest ? 'saved' : 'in_progress';
  }

  get isLarge(): boolean {
    return this.content.targetBytes !== undefined;
  }

  get fileName(): string {
    const extension = { csv: 'csv', html: 'html', json_v1: 'json', csv_v2_0: 'csv', json_v2_0: 'json' }[this.format];
    const { start, end } = this.content.period;
    return `${this.content.kind}_${start}_${end}_${this.format}.${extension}`;
  }

  /**
   * The gzip bytes as served on the wire. A render error destroys the returned stream (so that a response that
   * promised a content-length is cut instead of hanging), and destroying it stops the rendering.
   */
  openCompressed(): Readable {
    if (this.compressed) return Readable.from([this.compressed]);
    return pipe(Readable.from(renderReportFile(this.content)), createGzip(this.gzipOptions()), () => {
      // errors reach whoever reads the gzip stream, which pipeline destroys with them
    });
  }

  private gzipOptions() {
    return { level: this.isLarge ? largeFileLevel : constants.Z_DEFAULT_COMPRESSION };
  }

  private async prepare(): Promise<void> {
    const hash = createHash('sha256');
    let bytes = 0;
    let size = 0;
    const chunks: Buffer[] = [];
    const keep = !this.isLarge;
    const measure = new Transform({
      transform(chunk: Buffer | string, _encoding, callback: TransformCallback) {
        const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        hash.update(buffer);
        bytes += buffer.length;
        callback(null, buffer);
      },
    });
    await pipeline(Readable.from(renderReportFile(this.content)), measure, createGzip(this.gzipOptions()), async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) {
        size += chunk.length;
        if (keep) chunks.push(chunk);
      }
    });
    if (keep) this.compressed = Buffer.concat(chunks);
    this.digest = { size, bytes, sha256: hash.digest('hex') };
  }
}
