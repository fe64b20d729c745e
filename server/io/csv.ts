import { edgeAttributes, edgeValue, nodeAttributes, nodeValue, type GraphExport } from './export-model.js';

/** RFC 4180 field; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
function field(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const rows = (header: string[], lines: unknown[][]) => [header, ...lines].map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';

/** Kumu-style elements sheet: Label, Type, Description, Tags (| between values), then our fields. */
export function actorsCsv(graph: GraphExport): string {
  return rows(
    ['Id', 'Label', 'Type', ...nodeAttributes.map(([k]) => k)],
    graph.actors.map((a) => [a.id, a.name, a.kind, ...nodeAttributes.map(([k]) => nodeValue(a, k))]),
  );
}

/** Kumu-style connections sheet: From, To, Type, then our fields. */
export function relationshipsCsv(graph: GraphExport): string {
  const names = new Map(graph.actors.map((a) => [a.id, a.name]));
  return rows(
    ['Id', 'From', 'To', 'From name', 'To name', ...edgeAttributes.map(([k]) => k)],
    graph.relationships.map((r) => [r.id, r.from, r.to, names.get(r.from) ?? '', names.get(r.to) ?? '', ...edgeAttributes.map(([k]) => edgeValue(r, k))]),
  );
}
