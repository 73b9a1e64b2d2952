import { describe, expect, it } from 'vitest';
import { decodeRoster } from '../../../../src/domain/roster/rosterEncoding.ts';
import { MAX_ROSTER_ROWS, parseRoster, readRoster } from '../../../../src/domain/roster/rosterFile.ts';

const HEADER = ['Emri', 'Mbiemri', 'Gjinia', 'Datëlindja', 'Klasa'];
const ROWS = [
  ['Arbër', 'Krasniqi', 'M', '05.03.2014', '7'],
  ['Јована', 'Петровић', 'Ж', '12.11.2013', '7'],
  ['Drita', 'Gashi, e vogla', 'F', '01.09.2013', '7'],
];

function csv(delimiter: string, rows: string[][] = [HEADER, ...ROWS], newline = '\r\n'): string {
  const quote = (cell: string) => (cell.includes(delimiter) ? `"${cell}"` : cell);
  return rows.map((row) => row.map(quote).join(delimiter)).join(newline) + newline;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Text in a single-byte Windows code page, byte for byte (the code points given are that page's). */
function legacyBytes(text: string, page: Readonly<Record<string, number>>): Uint8Array {
  return Uint8Array.from([...text].map((ch) => page[ch] ?? ch.charCodeAt(0)));
}
const WINDOWS_1250 = { ë: 0xeb, č: 0xe8, ć: 0xe6, Ž: 0x8e };
const WINDOWS_1251 = {
  Ј: 0xa3,
  о: 0xee,
  в: 0xe2,
  а: 0xe0,
  н: 0xed,
  П: 0xcf,
  е: 0xe5,
  т: 0xf2,
  р: 0xf0,
  и: 0xe8,
  ћ: 0x9e,
  Ж: 0xc6,
};

async function parsed(text: string) {
  const result = await parseRoster(text);
  if (!result.ok) throw new Error(`refused: ${result.problem.code}`);
  return result.table;
}

describe('parseRoster: delimiters', () => {
  it.each([
    [',', 'comma'],
    [';', 'semicolon, as Excel writes it in Albanian and Serbian locales'],
    ['\t', 'tab'],
  ])('finds the columns separated by %j (%s)', async (delimiter) => {
    const table = await parsed(csv(delimiter));
    expect(table.delimiter).toBe(delimiter);
    expect(table.header).toEqual(HEADER);
    expect(table.records.map((record) => record.cells)).toEqual(ROWS);
    expect(table.records.map((record) => record.rowNumber)).toEqual([2, 3, 4]);
  });

  it('refuses a file whose columns it cannot tell apart (a wrong delimiter) as one column', async () => {
    expect(await parseRoster(csv('|'))).toEqual({ ok: false, problem: { code: 'oneColumn' } });
  });
});

describe('parseRoster: the shape of the file', () => {
  it('explains an empty file and one with only the header', async () => {
    expect(await parseRoster('')).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(await parseRoster('\uFEFF \r\n\r\n')).toEqual({ ok: false, problem: { code: 'empty' } });
    expect(await parseRoster(csv(';', [HEADER]))).toEqual({ ok: false, problem: { code: 'headerOnly' } });
    expect(await parseRoster(csv(';', [HEADER, ['', '', ''], [' ', '']]))).toEqual({
      ok: false,
      problem: { code: 'headerOnly' },
    });
  });

  it('numbers rows as the spreadsheet does, past blank rows and a title above the header', async () => {
    const table = await parsed(csv(';', [['Lista e nxënësve, klasa VII/2'], [], HEADER, ROWS[0]!, [], ROWS[1]!]));
    expect(table.header).toEqual(HEADER);
    expect(table.headerRow).toBe(3);
    expect(table.records.map((record) => record.rowNumber)).toEqual([4, 6]);
  });

  it('reports each broken quotation mark with the line of its cell, and reads nothing', async () => {
    const rows = [HEADER.join(';'), 'Arta;Krasniqi;F;01.02.2014;7', 'Besa;"Ga"shi";F;01.02.2014;7'];
    rows.push('Dion;Berisha;M;01.02.2014;7', 'Ilir;"Ho"xha";M;01.02.2014;7', 'Jeta;Morina;F;01.02.2014;7');
    expect(await parseRoster(rows.join('\n'))).toEqual({ ok: false, problem: { code: 'brokenQuotes', lines: [3, 5] } });
    // A cell that never closes its quote takes the rows after it: its own line is the one to fix.
    rows[2] = 'Besa;"Gashi;F;01.02.2014;7';
    expect(await parseRoster(rows.join('\r\n'))).toEqual({ ok: false, problem: { code: 'brokenQuotes', lines: [3] } });
    // A quotation mark left open on the last line runs to the end of the file.
    expect(await parseRoster(`${csv(',')}Ilir,"Hoxha,M,01.02.2014,7\r\n`)).toEqual({
      ok: false,
      problem: { code: 'brokenQuotes', lines: [5] },
    });
  });

  it('reads a quoted cell holding the delimiter, a quote and a line break', async () => {
    const table = await parsed(`${HEADER.join(',')}\n"Ana ""Ani""","Gashi, e vogla",F,01.02.2014,"7\n"\n`);
    expect(table.records).toEqual([{ rowNumber: 2, cells: ['Ana "Ani"', 'Gashi, e vogla', 'F', '01.02.2014', '7'] }]);
  });

  it(`refuses more than ${MAX_ROSTER_ROWS.toLocaleString('en')} students, and stops reading early`, async () => {
    const row = 'Arta;Krasniqi;F;01.02.2014;7\n';
    const fifty = `${HEADER.join(';')}\n${row.repeat(50_000)}`;
    const progress: number[] = [];
    const result = await parseRoster(fifty, { onProgress: (fraction) => progress.push(fraction) });
    expect(result).toEqual({ ok: false, problem: { code: 'tooManyRows', limit: MAX_ROSTER_ROWS } });
    expect(Math.max(...progress)).toBeLessThan(0.5);

    const atLimit = `${HEADER.join(';')}\n${row.repeat(MAX_ROSTER_ROWS)}`;
    expect((await parsed(atLimit)).records).toHaveLength(MAX_ROSTER_ROWS);
    expect(await parseRoster(`${atLimit}${row}`)).toEqual({
      ok: false,
      problem: { code: 'tooManyRows', limit: MAX_ROSTER_ROWS },
    });
  });

  it('reads a large file in chunks, pausing for the page between them and telling the progress', async () => {
    const text = `${HEADER.join(';')}\n${'Arta;Krasniqi;F;01.02.2014;7\n'.repeat(5_000)}`;
    const progress: number[] = [];
    let pauses = 0;
    const table = await parsed(text);
    const result = await parseRoster(text, {
      onProgress: (fraction) => progress.push(fraction),
      pause: async () => {
        pauses += 1;
        await new Promise((resolve) => setTimeout(resolve, 0));
      },
    });
    expect(result).toEqual({ ok: true, table });
    expect(table.records).toHaveLength(5_000);
    expect(table.records.at(-1)?.rowNumber).toBe(5_001);
    expect(pauses).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });
});

describe('readRoster: encodings', () => {
  it('drops the byte-order mark Excel writes before UTF-8', async () => {
    const result = await readRoster(utf8(`\uFEFF${csv(';')}`), 'utf-8');
    expect(result.ok && result.table.header[0]).toBe('Emri');
    expect(result.ok && result.table.records[1]?.cells[1]).toBe('Петровић');
  });

  it('reads UTF-16 with its byte-order mark (Excel’s “Unicode text”)', async () => {
    const text = csv('\t');
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    [...text].forEach((ch, index) => new DataView(bytes.buffer).setUint16(2 + index * 2, ch.charCodeAt(0), true));
    const result = await readRoster(bytes, 'utf-8');
    expect(result.ok && result.table.records[0]?.cells[0]).toBe('Arbër');
  });

  it('says a Windows-1250 file is not UTF-8, and reads it when asked to', async () => {
    const bytes = legacyBytes('Emri;Mbiemri;Gjinia;Datëlindja;Klasa\nArbër;Krasniqi;M;05.03.2014;7\n', WINDOWS_1250);
    expect(await readRoster(bytes, 'utf-8')).toEqual({ ok: false, problem: { code: 'notUtf8' } });
    const reread = await readRoster(bytes, 'windows-1250');
    expect(reread.ok && reread.table.header[3]).toBe('Datëlindja');
    expect(reread.ok && reread.table.records[0]?.cells[0]).toBe('Arbër');
  });

  it('reads a Windows-1251 file as Cyrillic when asked to', async () => {
    const bytes = legacyBytes('Ime;Prezime;Pol\nЈована;Петровић;Ж\n', WINDOWS_1251);
    expect(decodeRoster(bytes, 'utf-8')).toEqual({ ok: false, code: 'notUtf8' });
    const reread = await readRoster(bytes, 'windows-1251');
    expect(reread.ok && reread.table.records[0]?.cells).toEqual(['Јована', 'Петровић', 'Ж']);
  });

  it('refuses a file that mixes UTF-8 with another encoding: no choice would read all of it', async () => {
    const utf8Part = utf8('Emri;Mbiemri;Gjinia;Datëlindja;Klasa\nArbër;Krasniqi;M;05.03.2014;7\n');
    const legacyPart = legacyBytes('Lumë;Hoxha;M;05.03.2014;7\n', WINDOWS_1250);
    const mixed = new Uint8Array([...utf8Part, ...legacyPart]);
    expect(await readRoster(mixed, 'utf-8')).toEqual({ ok: false, problem: { code: 'mixedEncoding' } });
    expect(decodeRoster(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xeb]), 'windows-1250')).toEqual({
      ok: false,
      code: 'mixedEncoding',
    });
  });
});
