// Collects the pieces of a report file into chunks and keeps count of its size in UTF-8.

import { utf8Length } from './utf8.js';

/** A chunk is handed out once it reaches this many UTF-16 units; no piece is more than a few kB, so < 64 KB. */
const CHUNK_CHARS = 48 * 1024;

/**
 * Pieces written here are measured (`writeMeasured`: any text), come with their size (`writeCounted`) or are
 * known to be ASCII (`write`), so the size in bytes is known exactly without encoding everything: measuring
 * every piece of a gigabyte costs more than generating it.
 */
export class Sink {
  private chunk = '';
  /** Full chunks, for the renderer to hand out. */
  readonly ready: string[] = [];
  /** UTF-16 units in `ready` and in chunks already handed out. */
  private units = 0;
  /** UTF-8 bytes beyond one per UTF-16 unit, in everything written. */
  private extra = 0;

  /** Writes a piece that is all ASCII. */
  write(piece: string): void {
    this.chunk += piece;
    if (this.chunk.length >= CHUNK_CHARS) this.flush();
  }

  /** Writes a piece of any text. */
  writeMeasured(piece: string): void {
    this.extra += utf8Length(piece) - piece.length;
    this.write(piece);
  }

  /** Writes a piece that is `extra` UTF-8 bytes more than its UTF-16 units. */
  writeCounted(piece: string, extra: number): void {
    this.extra += extra;
    this.write(piece);
  }

  /** UTF-8 bytes written so far. */
  get bytes(): number {
    return this.units + this.chunk.length + this.extra;
  }

  /** Moves what is written into `ready`, e.g. at the end of the file. */
  flush(): void {
    if (this.chunk === '') return;
    this.ready.push(this.chunk);
    this.units += this.chunk.length;
    this.chunk = '';
  }
}
