import ExcelJS from 'exceljs';
import type { GraphExport } from './export-model.js';
import { actorSheet, relationshipSheet } from './sheets.js';
import { workbookOf } from './workbook.js';

/** Both sheets of the spreadsheet export in one workbook (Elements, Connections), as Kumu lays them out. */
export async function toXlsx(graph: GraphExport): Promise<Buffer> {
  return Buffer.from(await workbookOf(ExcelJS.Workbook, [actorSheet(graph), relationshipSheet(graph)]).xlsx.writeBuffer());
}
