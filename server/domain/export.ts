/** The export formats, with what opens each: the route's enum and the client's menu. */
export const exportFormats = [
  { id: 'backup', label: 'Backup (JSON)', opens: 'Everything, with history: restore it as a new workspace here' },
  { id: 'json', label: 'JSON', opens: 'The records in the backup format, without history: scripts, or a restore' },
  { id: 'xlsx', label: 'Excel workbook', opens: 'Excel, LibreOffice, Google Sheets; imports back here or into Kumu' },
  { id: 'actors-csv', label: 'Actors CSV', opens: 'Any spreadsheet; Kumu’s elements sheet, imports back here' },
  { id: 'relationships-csv', label: 'Relationships CSV', opens: 'Any spreadsheet; Kumu’s connections sheet, names in From and To' },
  { id: 'graphml', label: 'GraphML', opens: 'Gephi, Cytoscape desktop, yEd, networkx, igraph' },
  { id: 'gexf', label: 'GEXF', opens: 'Gephi (its own format), networkx' },
  { id: 'cytoscape', label: 'Cytoscape.js JSON', opens: 'Cytoscape desktop (.cyjs) and Cytoscape.js, with the map’s layout' },
  { id: 'ftm', label: 'FollowTheMoney', opens: 'Aleph and the ftm tools: entities one a line, without internal fields' },
] as const;
export type ExportFormat = (typeof exportFormats)[number]['id'];
export const exportFormatIds = exportFormats.map((f) => f.id) as [ExportFormat, ...ExportFormat[]];

/** What a partner may download of a map shared with it: the graph files, not the owner's records. */
export const partnerExportFormats = exportFormatIds.filter((f) => f !== 'backup' && f !== 'json');

/** Formats that cover one map when asked (a backup is always the whole workspace). */
export const mapExportFormats = exportFormatIds.filter((f) => f !== 'backup');
