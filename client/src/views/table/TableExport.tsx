import type { Actor, Relationship } from '../../api/domain';
import { actorSheet, actorsCsv, relationshipSheet, relationshipsCsv, workbookOf } from '../../api/sheets';
import { downloadBlob, downloadText, fileStem } from '../../editor/download';

/**
 * CSV and XLSX of what the table shows: its rows, filtered and in its order, in the same
 * Kumu-shaped sheets as the server's export (so they import back). exceljs loads only when
 * a workbook is asked for.
 */
export function TableExport({
  name,
  actors,
  relationships,
  allActors,
}: {
  name: string;
  actors?: Actor[];
  relationships?: Relationship[];
  allActors: Actor[];
}) {
  const graph = { name, actors: actors ?? allActors, relationships: relationships ?? [] };
  const stem = `${fileStem(name)}-${actors ? 'actors' : 'relationships'}`;
  const csv = () => downloadText(actors ? actorsCsv(graph) : relationshipsCsv(graph), `${stem}.csv`, 'text/csv');
  const xlsx = async () => {
    const { default: ExcelJS } = await import('exceljs');
    const sheet = actors ? actorSheet(graph) : relationshipSheet(graph);
    const data = await workbookOf(ExcelJS.Workbook, [sheet]).xlsx.writeBuffer();
    downloadBlob(new Blob([data], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${stem}.xlsx`);
  };
  return (
    <span className="table-export" role="group" aria-label="Export the table">
      <button type="button" className="btn" onClick={csv} title="The rows shown, as a CSV sheet that imports back">
        CSV
      </button>
      <button type="button" className="btn" onClick={() => void xlsx()} title="The rows shown, as an Excel workbook">
        XLSX
      </button>
    </span>
  );
}
