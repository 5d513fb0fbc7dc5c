/**
 * CSV as RFC 4180 describes it (CRLF rows, fields quoted when they hold a comma, quote or line
 * break), plus a guard against formula injection: chat text is written by strangers, and a
 * spreadsheet would run a cell such as `=HYPERLINK(…)`. Cells that a spreadsheet would read as a
 * formula get a leading apostrophe (OWASP's advice); `parseCsv` removes exactly that apostrophe
 * again, so export → parse gives back the original text.
 */

export type CsvCell = string | number | null;

/** A cell a spreadsheet would evaluate: starts with = + - @ tab or CR, possibly after apostrophes we added. */
function looksLikeFormula(text: string): boolean {
  return /^'*[=+\-@\t\r]/.test(text);
}

function guard(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

function unguard(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

function encodeCell(cell: CsvCell): string {
  if (cell === null) return '';
  // Numbers are ours (times, counts), never formulas; negative numbers stay numbers.
  const text = typeof cell === 'number' ? String(cell) : guard(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document: the header row, then one row per record. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(encodeCell).join(',')).join('\r\n') + '\r\n';
}

/** Reads a CSV document written by `toCsv` (or any RFC 4180 file) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const endCell = () => {
    row.push(unguard(cell));
    cell = '';
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else cell += char;
      i++;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === ',') endCell();
    else if (char === '\r' && text[i + 1] === '\n') {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else if (char === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else cell += char;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}
