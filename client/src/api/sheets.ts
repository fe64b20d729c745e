/** The spreadsheet export's sheets (server/io), so that the table exports exactly as the server does. */
export { actorsCsv, relationshipsCsv } from '../../../server/io/csv.js';
export { actorSheet, relationshipSheet } from '../../../server/io/sheets.js';
export { workbookOf } from '../../../server/io/workbook.js';
