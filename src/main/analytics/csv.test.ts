import { describe, expect, it } from 'vitest';
import { parseCsv, toCsv } from './csv';

describe('csv', () => {
  it('quotes commas, quotes and line breaks and reads them back', () => {
    const rows = [['a,b', 'say "hi"', 'two\nlines', 'crlf\r\nline', '', 'plain']];
    const text = toCsv(['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], rows);
    expect(text.split('\r\n')[0]).toBe('c1,c2,c3,c4,c5,c6');
    expect(parseCsv(text)).toEqual([['c1', 'c2', 'c3', 'c4', 'c5', 'c6'], ...rows]);
  });

  it('defuses formulas for spreadsheets and restores the exact text when parsed', () => {
    const cells = ['=1+1', '+SUM(A1)', '-2', '@cmd', '\tTab', "'=already", "''=twice", "'plain", 'ok = fine'];
    const text = toCsv(
      ['x'],
      cells.map((cell) => [cell]),
    );
    const written = text.split('\r\n').slice(1, -1);
    expect(written.slice(0, 4)).toEqual(["'=1+1", "'+SUM(A1)", "'-2", "'@cmd"]);
    expect(written[7]).toBe("'plain");
    expect(
      parseCsv(text)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(cells);
  });

  it('writes numbers as numbers and null as an empty cell', () => {
    expect(toCsv(['n', 'z'], [[-5, null]])).toBe('n,z\r\n-5,\r\n');
  });
});
