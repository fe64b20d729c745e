import type { GraphExport } from './export-model.js';
import { actorSheet, defuse, relationshipSheet, type Sheet } from './sheets.js';

/** RFC 4180 field, formulas defused (sheets.ts). */
function field(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(defuse(value));
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const csv = (sheet: Sheet) => [sheet.header, ...sheet.rows].map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';

/** Kumu's elements sheet (sheets.ts): Label, Type, Description, Tags, then every other field. */
export const actorsCsv = (graph: GraphExport) => csv(actorSheet(graph));

/** Kumu's connections sheet: From and To by name, Type, Direction, then every other field. */
export const relationshipsCsv = (graph: GraphExport) => csv(relationshipSheet(graph));
