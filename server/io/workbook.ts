import type ExcelJS from 'exceljs';
import { defuse, type Sheet } from './sheets.js';

/**
 * Sheets as an exceljs workbook, on the server or in the browser (each passes its own
 * build of exceljs). Every cell is a value, never a formula; text a spreadsheet would
 * still read as one once the sheet is saved as CSV is defused as in the CSV export.
 */
export function workbookOf(Workbook: typeof ExcelJS.Workbook, sheets: Sheet[]): ExcelJS.Workbook {
  const book = new Workbook();
  book.creator = 'powermap';
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name);
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((v) => defuse(v)));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return book;
}
