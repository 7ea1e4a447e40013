// RFC 4180 CSV, read incrementally: state survives chunk boundaries anywhere (inside quotes, between `""`,
// between CR and LF), so memory holds one chunk's rows and one unfinished field at most.

import { chunksOf } from './chunks.js';

const START = 0; // before the first character of a field
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_SEEN = 3; // a quote inside a quoted field: the end of the field, or the first half of `""`
const AFTER_CR = 4; // a record ended with CR; an LF right after belongs to it
type State = typeof START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_SEEN | typeof AFTER_CR;

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BOM = 0xfeff;
const DELIMITER = /[,\r\n]/g;

/**
 * Feed text with `push`, get the records it completed; `end` returns the last one. Lines that are entirely
 * empty are skipped. A stray character after a closing quote (`"a"b`) is kept as text, as most readers do;
 * input that ends inside a quoted field is an error, since it means a cut-off file.
 */
export class CsvTokenizer {
  private state: State = START;
  private field = '';
  private record: string[] = [];
  private first = true;

  push(text: string): string[][] {
    const records: string[][] = [];
    let i = 0;
    if (this.first && text.length > 0) {
      this.first = false;
      if (text.charCodeAt(0) === BOM) i = 1;
    }
    while (i < text.length) {
      const c = text.charCodeAt(i);
      switch (this.state) {
        case AFTER_CR:
          if (c === LF) i++;
          this.state = START;
          break;
        case START:
          if (c === QUOTE) {
            this.state = QUOTED;
            i++;
          } else if ((c === CR || c === LF) && this.record.length === 0) {
            this.state = c === CR ? AFTER_CR : START; // an empty line
            i++;
          } else if (c === COMMA || c === CR || c === LF) {
            this.delimit(c, records);
            i++;
          } else {
            this.state = UNQUOTED;
          }
          break;
        case UNQUOTED: {
          DELIMITER.lastIndex = i;
          const found = DELIMITER.exec(text);
          const end = found ? found.index : text.length;
          this.field += text.slice(i, end);
          i = end;
          if (found) {
            this.delimit(text.charCodeAt(end), records);
            i++;
          }
          break;
        }
        case QUOTED: {
          const quote = text.indexOf('"', i);
          if (quote < 0) {
            this.field += text.slice(i);
            i = text.length;
          } else {
            this.field += text.slice(i, quote);
            this.state = QUOTE_SEEN;
            i = quote + 1;
          }
          break;
        }
        case QUOTE_SEEN:
          if (c === QUOTE) {
            this.field += '"';
            this.state = QUOTED;
            i++;
          } else if (c === COMMA || c === CR || c === LF) {
            this.delimit(c, records);
            i++;
          } else {
            this.state = UNQUOTED;
          }
          break;
      }
    }
    return records;
  }

  end(): string[][] {
    if (this.state === QUOTED) throw new Error('CSV ends inside a quoted field: the file is cut off or malformed.');
    const open = this.state === UNQUOTED || this.state === QUOTE_SEEN || (this.state === START && this.record.length > 0);
    if (!open) return [];
    this.record.push(this.field);
    const last = this.record;
    this.field = '';
    this.record = [];
    this.state = START;
    return [last];
  }

  /** Ends the current field at a comma, CR or LF. */
  private delimit(c: number, records: string[][]): void {
    this.record.push(this.field);
    this.field = '';
    if (c === COMMA) {
      this.state = START;
      return;
    }
    records.push(this.record);
    this.record = [];
    this.state = c === CR ? AFTER_CR : START;
  }
}

/** Records of a CSV text stream, each an array of fields. Breaking out of the loop cancels the stream. */
export async function* parseCsv(text: ReadableStream<string>): AsyncIterable<string[]> {
  const tokenizer = new CsvTokenizer();
  for await (const chunk of chunksOf(text)) yield* tokenizer.push(chunk);
  yield* tokenizer.end();
}
