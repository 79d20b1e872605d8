/**
 * CSV as RFC 4180 has it: every cell quoted (quotes doubled), rows ended by CRLF. A cell a
 * spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
 * leading apostrophe, so opening an export can never run what a brief or a model wrote.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function csvCell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value
  return `"${inert.replace(/"/g, '""')}"`
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map(row => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}
