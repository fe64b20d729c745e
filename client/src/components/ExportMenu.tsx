import { exportFormats, mapExportFormats, partnerExportFormats } from '../api/domain';

/**
 * The export formats as download links, each with a line on what opens it. Plain links:
 * the browser sends the session cookie and saves what the server names the file.
 */
export function ExportMenu({
  ws,
  mapId,
  shareId,
  className = 'btn',
}: {
  ws: string;
  mapId?: string;
  /** A map shared with `ws`: its partner download, without the owner's internal fields. */
  shareId?: string;
  className?: string;
}) {
  const allowed: readonly string[] | null = shareId ? partnerExportFormats : mapId ? mapExportFormats : null;
  const formats = allowed ? exportFormats.filter((f) => allowed.includes(f.id)) : exportFormats;
  const href = (format: string) =>
    shareId
      ? `/api/workspaces/${ws}/shared-maps/${shareId}/export?format=${format}`
      : `/api/workspaces/${ws}/export?format=${format}${mapId ? `&map=${mapId}` : ''}`;
  return (
    <details className="export-menu">
      <summary className={className} aria-label={mapId || shareId ? 'Export this map' : 'Export the workspace'}>
        Export ▾
      </summary>
      <ul className="export-list" aria-label="Export formats">
        {formats.map((f) => (
          <li key={f.id}>
            <a href={href(f.id)} download data-format={f.id}>
              {f.label}
            </a>
            <span className="muted">{f.opens}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
