import Papa from 'papaparse';

/** What a CSV file delivers, row by row, with the 1-based line each row starts on in the file. */
export interface CsvHandler {
  /** The first non-blank row: column names, BOM and surrounding spaces removed. */
  header(columns: string[], line: number): void;
  row(fields: string[], line: number): void;
  /** A row that cannot be read as CSV (broken quotes, a line too long); it has been skipped. */
  problem(line: number, message: string): void;
}

/** Text is handed to papaparse in windows of whole lines this long, so a resync re-reads at most one window. */
const WINDOW_CHARS = 64 * 1024;
const SMALL_WINDOW_CHARS = 1024;
/** No GTFS row is this long: past it the row is a quote that never closes, and it is dropped. */
const MAX_ROW_CHARS = 1024 * 1024;

/**
 * Streaming RFC 4180 reader over text chunks, using papaparse's parser on windows of complete lines.
 *
 * Why not `Papa.parse` on the whole file: a feed's stop_times can be hundreds of megabytes, and rows are
 * only needed one at a time. Why windows: papaparse reports a broken quote by reading everything after it
 * as one field; we resume at the line after the broken row instead, so one stray quote costs one row, and
 * re-reading is bounded by the window, never the file.
 */
export class CsvStream {
  private buf = '';
  /** Line number of `buf[0]`. */
  private line = 1;
  private started = false;
  private headerSeen = false;
  /** Inside a line too long to be a row, which is being skipped up to its line break. */
  private skipping = false;

  constructor(private readonly handler: CsvHandler) {}

  push(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.skipping) {
      const nl = chunk.indexOf('\n');
      if (nl === -1) return;
      chunk = chunk.slice(nl + 1);
      this.skipping = false;
      this.line++;
    }
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    if (this.buf.length >= WINDOW_CHARS) this.drain(false);
  }

  end(): void {
    this.drain(true);
    this.buf = '';
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    let pos = 0;
    let line = this.line;
    let window = WINDOW_CHARS;
    const skipLine = (message: string) => {
      this.handler.problem(line, message);
      const nl = buf.indexOf('\n', pos);
      pos = nl === -1 ? buf.length : nl + 1;
      line++;
      // Broken rows often come in runs: re-read a small window next, so each costs little.
      window = SMALL_WINDOW_CHARS;
    };
    while (pos < buf.length) {
      const rest = buf.length - pos;
      const last = final && rest <= window;
      let end = buf.length;
      if (!last) {
        end = buf.lastIndexOf('\n', Math.min(buf.length, pos + window) - 1) + 1;
        if (end <= pos) {
          // No complete line in the window: widen it while there is more text, else wait for more.
          if (rest > window && window < MAX_ROW_CHARS) {
            window *= 4;
            continue;
          }
          if (!final) break;
          skipLine(`line longer than ${MAX_ROW_CHARS} characters; skipped`);
          continue;
        }
      }
      const r = this.parseWindow(buf.slice(pos, end), line, !last);
      if (r.resync) {
        // Skip the first line of the broken row and read on from the next: a stray quote costs one row.
        pos += r.consumed;
        line = r.line;
        skipLine(r.problem);
        continue;
      }
      if (r.consumed === 0) {
        // A quoted field runs past the window: widen it while there is more text, else wait for more.
        if (rest > window && window < MAX_ROW_CHARS) {
          window *= 4;
          continue;
        }
        if (!final) break;
        skipLine('quoted field is not closed within a million characters; the row is skipped');
        continue;
      }
      pos += r.consumed;
      line = r.line;
      window = Math.min(WINDOW_CHARS, window * 4);
    }
    this.buf = buf.slice(pos);
    this.line = line;
    if (!final && this.buf.length > MAX_ROW_CHARS) {
      const nl = this.buf.indexOf('\n');
      if (nl === -1) {
        // No line break in a million characters: not a row at all (a binary file, or one made to hurt).
        // It is skipped up to its line break, however far that is, and reported once.
        this.handler.problem(
          line,
          'a line of more than a million characters without a line break is not a CSV row; skipped',
        );
        this.buf = '';
        this.skipping = true;
      } else {
        this.handler.problem(
          line,
          'quoted field is not closed within a million characters; the line is skipped',
        );
        this.buf = this.buf.slice(nl + 1);
        this.line++;
      }
    }
  }

  /** Rows of one window; stops at the first row with a quote error so the caller can resync. */
  private parseWindow(
    text: string,
    startLine: number,
    ignoreLastRow: boolean,
  ):
    | { consumed: number; line: number; resync: false }
    | { consumed: number; line: number; resync: true; problem: string } {
    let rowStart = 0;
    let line = startLine;
    let resync = false;
    let problem = '';
    const parser: Papa.Parser = new Papa.Parser({
      delimiter: ',',
      newline: '\n',
      quoteChar: '"',
      step: (res: Papa.ParseStepResult<string[]>) => {
        if (resync) return;
        const end = res.meta.cursor;
        let breaks = 0;
        for (let i = text.indexOf('\n', rowStart); i !== -1 && i < end; i = text.indexOf('\n', i + 1))
          breaks++;
        const quote = res.errors.find((e) => e.type === 'Quotes');
        if (quote) {
          problem =
            quote.code === 'MissingQuotes'
              ? 'quoted field is not closed; the row is skipped'
              : 'malformed quotes (a quote inside an unquoted field or after a closing quote); the row is skipped';
          resync = true;
          parser.abort();
          return;
        }
        // The low-level parser hands each step a one-row array.
        const fields = (res.data as unknown as string[][])[0];
        if (fields) this.deliver(fields, line);
        rowStart = end;
        line += breaks;
      },
    });
    parser.parse(text, 0, ignoreLastRow);
    return resync
      ? { consumed: rowStart, line, resync: true, problem }
      : { consumed: rowStart, line, resync: false };
  }

  private deliver(fields: string[], line: number): void {
    const lastField = fields[fields.length - 1]!;
    // CRLF files: the parser splits on LF, so the CR ends the last field.
    if (lastField.endsWith('\r')) fields[fields.length - 1] = lastField.slice(0, -1);
    if (fields.length === 1 && fields[0]!.trim() === '') return;
    if (!this.headerSeen) {
      this.headerSeen = true;
      this.handler.header(
        fields.map((f) => f.replace(/^\ufeff/, '').trim()),
        line,
      );
      return;
    }
    this.handler.row(fields, line);
  }
}
