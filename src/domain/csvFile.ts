import Papa from 'papaparse';

/**
 * A byte-order mark first: Excel and LibreOffice otherwise guess a legacy code
 * page and show Cyrillic and ë as mojibake (PRODUCT F17).
 */
export const CSV_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null;

/**
 * A CSV file as spreadsheets read it: UTF-8 with a BOM, CRLF line ends,
 * fields quoted where they hold a comma, quote or line break. Cells that a
 * spreadsheet would run as a formula (=, +, -, @ first) are prefixed with an
 * apostrophe, so a name typed as "=HYPERLINK(…)" stays text.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map(neutraliseFormula)) },
    { newline: '\r\n', quotes: false },
  );
  return `${CSV_BOM}${body}\r\n`;
}

function neutraliseFormula(cell: CsvCell): CsvCell {
  if (typeof cell !== 'string') return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
