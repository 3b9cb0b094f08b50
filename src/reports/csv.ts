/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads å, ä, ö), CRLF line
 * ends, RFC 4180 quoting, and a semicolon separator by default because Excel with a
 * Swedish locale splits on ';' (the comma is the decimal mark there).
 */
export const BOM = '\uFEFF';

export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue, separator = ';'): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value) : String(value);
  // A cell starting with = + - @ is run as a formula by spreadsheets: neutralise it (CSV injection).
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly CsvValue[])[], opts: { separator?: string; bom?: boolean } = {}): string {
  const sep = opts.separator ?? ';';
  const body = rows.map((r) => r.map((c) => csvCell(c, sep)).join(sep)).join('\r\n');
  return `${opts.bom === false ? '' : BOM}${body}\r\n`;
}
