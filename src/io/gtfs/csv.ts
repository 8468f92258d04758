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

  constructor(private readonly handler: CsvHandler) {}

  push(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
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
    while (pos < buf.length) {
      let end: number;
      let last = false;
      if (buf.length - pos <= window) {
        if (final) {
          end = buf.length;
          last = true;
        } else {
          end = buf.lastIndexOf('\n', buf.length - 1) + 1;
          if (end <= pos) break;
        }
      } else {
        end = buf.lastIndexOf('\n', pos + window - 1) + 1;
        if (end <= pos) {
          // One line longer than the window: widen it, up to the longest row we accept.
          if (window < MAX_ROW_CHARS) {
            window *= 4;
            continue;
          }
          this.handler.problem(line, `line longer than ${MAX_ROW_CHARS} characters; skipped`);
          const nl = buf.indexOf('\n', pos);
          pos = nl === -1 ? buf.length : nl + 1;
          line++;
          continue;
        }
      }
      const r = this.parseWindow(buf.slice(pos, end), line, !last);
      if (r.resync) {
        // Skip the first line of the broken row and read on from the next: a stray quote costs one row.
        pos += r.consumed;
        const nl = buf.indexOf('\n', pos);
        pos = nl === -1 ? buf.length : nl + 1;
        line = r.line + 1;
        window = WINDOW_CHARS;
        continue;
      }
      if (r.consumed === 0) {
        // No complete row in the window: a quoted field runs past it.
        if (end === buf.length && !final) break;
        if (window < MAX_ROW_CHARS) {
          window *= 4;
          continue;
        }
        this.handler.problem(
          line,
          'quoted field is not closed within a million characters; the line is skipped',
        );
        const nl = buf.indexOf('\n', pos);
        pos = nl === -1 ? buf.length : nl + 1;
        line++;
        window = WINDOW_CHARS;
        continue;
      }
      pos += r.consumed;
      line = r.line;
      window = WINDOW_CHARS;
    }
    this.buf = buf.slice(pos);
    this.line = line;
    if (!final && this.buf.length > MAX_ROW_CHARS) {
      this.handler.problem(
        line,
        'quoted field is not closed within a million characters; the line is skipped',
      );
      const nl = this.buf.indexOf('\n');
      this.buf = nl === -1 ? '' : this.buf.slice(nl + 1);
      this.line++;
    }
  }

  /** Rows of one window; stops at the first row with a quote error so the caller can resync. */
  private parseWindow(
    text: string,
    startLine: number,
    ignoreLastRow: boolean,
  ): { consumed: number; line: number; resync: boolean } {
    let rowStart = 0;
    let line = startLine;
    let resync = false;
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
          this.handler.problem(
            line,
            quote.code === 'MissingQuotes'
              ? 'quoted field is not closed; the row is skipped'
              : 'malformed quotes (a quote inside an unquoted field or after a closing quote); the row is skipped',
          );
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
    return { consumed: rowStart, line, resync };
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
