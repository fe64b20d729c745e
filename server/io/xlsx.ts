import ExcelJS from 'exceljs';
import type { GraphExport } from './export-model.js';
import { actorSheet, defuse, relationshipSheet } from './sheets.js';

/**
 * Both sheets of the spreadsheet export in one workbook (Elements, Connections), as Kumu
 * lays them out. Every cell is a value, never a formula; text that a spreadsheet would
 * still read as one when the sheet is saved as CSV is defused as in the CSV export.
 */
export async function toXlsx(graph: GraphExport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'powermap';
  for (const sheet of [actorSheet(graph), relationshipSheet(graph)]) {
    const ws = book.addWorksheet(sheet.name);
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((v) => defuse(v)));
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
