import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv';

describe('neutraliseCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","klik")', `'=HYPERLINK("http://evil.example","klik")`],
    ['+62812345678', `'+62812345678`],
    ['-1+1', `'-1+1`],
    ['-6.2', `'-6.2`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ["=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`],
  ])('prefixes %j', (text, expected) => {
    expect(neutraliseCell(text)).toBe(expected);
  });

  it.each([['Jalan berlubang'], ['JK2603100001'], ['2026-03-10T02:00:00.000Z'], [' =1+1 (after a space: text)'], ["'already quoted"], ['a=b'], ['']])('leaves %j', (text) => {
    expect(neutraliseCell(text)).toBe(text);
  });
});

describe('toCsv', () => {
  it('neutralises text cells and leaves computed numbers as numbers, negative ones too', () => {
    const csv = toCsv([
      ['nomor', 'lat', 'lng', 'dukungan', 'deskripsi'],
      ['JK2603100001', -6.1754, 106.8272, 3, '=HYPERLINK("http://evil.example","Lihat foto")'],
      ['JK2603100002', -6.2, 106.8, 0, '-2+3+cmd|\' /C calc\'!A0'],
      ['JK2603100003', null, null, 1, '@SUM(1+1)\r\nbaris kedua'],
    ]);
    const rows = parse(csv) as string[][];
    expect(rows[1]).toEqual(['JK2603100001', '-6.1754', '106.8272', '3', `'=HYPERLINK("http://evil.example","Lihat foto")`]);
    expect(rows[2][4]).toBe(`'-2+3+cmd|' /C calc'!A0`);
    expect(rows[3]).toEqual(['JK2603100003', '', '', '1', `'@SUM(1+1)\r\nbaris kedua`]);
    // no cell of the file starts a formula
    for (const row of rows) for (const cell of row) if (typeof cell === 'string' && !/^-?\d/.test(cell)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
