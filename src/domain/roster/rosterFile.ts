import Papa, { type Parser, type ParseResult } from 'papaparse';
import { decodeRoster, type RosterEncoding } from './rosterEncoding.ts';
import { namedFieldCount } from './rosterFields.ts';

/**
 * A class list is a school's or a class's, not a country's: above this many
 * students the file is refused whole (nothing is read into the preview), and
 * the user is told to split it.
 */
export const MAX_ROSTER_ROWS = 10_000;
/** A file this large cannot be a list of MAX_ROSTER_ROWS students; refused before it is read. */
export const MAX_ROSTER_MEGABYTES = 10;
/** Characters parsed between two pauses for the page (about 500 rows of a class list). */
const CHUNK_CHARACTERS = 64 * 1024;
/** The header is looked for among this many first rows: school registers put a title above it. */
const HEADER_SEARCH_ROWS = 10;

/** One row of the file, numbered as a spreadsheet numbers it (the first row is 1). */
export interface RosterRecord {
  rowNumber: number;
  cells: string[];
}

export interface RosterTable {
  header: string[];
  headerRow: number;
  records: RosterRecord[];
  delimiter: string;
}

export type RosterFileProblem =
  | { code: 'empty' | 'headerOnly' | 'oneColumn' | 'notUtf8' | 'mixedEncoding' }
  | { code: 'tooManyRows'; limit: number }
  | { code: 'tooLarge'; megabytes: number }
  /** Text-editor line numbers of each quotation mark that opens a cell and is never closed properly. */
  | { code: 'brokenQuotes'; lines: number[] };

export type RosterParse = { ok: true; table: RosterTable } | { ok: false; problem: RosterFileProblem };

export interface ParseOptions {
  /** Told the share of the text read so far, from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Awaited between chunks, so the page can paint the progress (the caller decides how to yield). */
  pause?: () => Promise<void>;
}

const isBlank = (cells: readonly string[]) => cells.every((cell) => cell.trim() === '');

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

interface RawParse {
  rows: string[][];
  delimiter: string;
  quoteErrorIndexes: number[];
  tooMany: boolean;
}

/** Papa Parse in chunks, pausing between them; stops as soon as the file has more rows than allowed. */
function parseInChunks(text: string, options: ParseOptions): Promise<RawParse> {
  const result: RawParse = { rows: [], delimiter: ',', quoteErrorIndexes: [], tooMany: false };
  let chunkStart = 0;
  let filled = 0;
  return new Promise((resolve) => {
    let settled = false;
    const finish = () => {
      if (!settled) resolve(result);
      settled = true;
    };
    Papa.parse<string[]>(text, {
      delimitersToGuess: [',', ';', '\t'],
      skipEmptyLines: false,
      chunkSize: CHUNK_CHARACTERS,
      chunk: (results: ParseResult<string[]>, parser: Parser) => {
        result.delimiter = results.meta.delimiter;
        for (const error of results.errors) {
          if (error.type === 'Quotes') result.quoteErrorIndexes.push(chunkStart + (error.index ?? 0));
        }
        chunkStart = results.meta.cursor;
        for (const row of results.data) {
          result.rows.push(row);
          if (!isBlank(row)) filled += 1;
        }
        // The header and MAX_ROSTER_ROWS students: one more filled row is one too many.
        if (filled > MAX_ROSTER_ROWS + HEADER_SEARCH_ROWS) {
          result.tooMany = true;
          parser.abort();
          finish();
          return;
        }
        options.onProgress?.(Math.min(1, chunkStart / Math.max(1, text.length)));
        parser.pause();
        void (options.pause?.() ?? Promise.resolve()).then(() => parser.resume());
      },
      complete: finish,
      worker: false,
    });
  });
}

/** The first of the first rows that names two fields or more; the first filled row when none does. */
function headerIndex(records: readonly RosterRecord[]): number {
  const found = records.slice(0, HEADER_SEARCH_ROWS).findIndex((record) => namedFieldCount(record.cells) >= 2);
  return Math.max(0, found);
}

/**
 * Reads a class list's text (decoded by decodeRoster) into its header and
 * rows: the delimiter guessed among comma, semicolon and tab, blank rows
 * skipped but counted, so row numbers match the spreadsheet's. A broken
 * quotation mark refuses the file: where one row ends and the next begins is
 * then a guess, and a guessed roster must not be imported.
 */
export async function parseRoster(text: string, options: ParseOptions = {}): Promise<RosterParse> {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, problem: { code: 'empty' } };
  if (body.length > MAX_ROSTER_MEGABYTES * 1024 * 1024) {
    return { ok: false, problem: { code: 'tooLarge', megabytes: MAX_ROSTER_MEGABYTES } };
  }
  const raw = await parseInChunks(body, options);
  if (raw.quoteErrorIndexes.length > 0) {
    const lines = [...new Set(raw.quoteErrorIndexes.map((index) => lineOf(body, index)))].sort((a, b) => a - b);
    return { ok: false, problem: { code: 'brokenQuotes', lines } };
  }
  const filled: RosterRecord[] = raw.rows
    .map((cells, index) => ({ rowNumber: index + 1, cells: cells.map((cell) => cell.trim()) }))
    .filter((record) => !isBlank(record.cells));
  const at = headerIndex(filled);
  const header = filled[at];
  const records = filled.slice(at + 1);
  if (raw.tooMany || records.length > MAX_ROSTER_ROWS) {
    return { ok: false, problem: { code: 'tooManyRows', limit: MAX_ROSTER_ROWS } };
  }
  if (header === undefined || records.length === 0) return { ok: false, problem: { code: 'headerOnly' } };
  if (header.cells.length < 2) return { ok: false, problem: { code: 'oneColumn' } };
  return { ok: true, table: { header: header.cells, headerRow: header.rowNumber, records, delimiter: raw.delimiter } };
}

/** A file's bytes, decoded as `encoding` (UTF-8 unless the user chose otherwise) and parsed. */
export async function readRoster(
  bytes: Uint8Array,
  encoding: RosterEncoding,
  options: ParseOptions = {},
): Promise<RosterParse> {
  if (bytes.length > MAX_ROSTER_MEGABYTES * 1024 * 1024) {
    return { ok: false, problem: { code: 'tooLarge', megabytes: MAX_ROSTER_MEGABYTES } };
  }
  const decoded = decodeRoster(bytes, encoding);
  return decoded.ok ? parseRoster(decoded.text, options) : { ok: false, problem: { code: decoded.code } };
}
