import { exportFormats, mapExportFormats } from '../api/domain';

/**
 * The export formats as download links, each with a line on what opens it. Plain links:
 * the browser sends the session cookie and saves what the server names the file.
 */
export function ExportMenu({ ws, mapId, className = 'btn' }: { ws: string; mapId?: string; className?: string }) {
  const formats = mapId ? exportFormats.filter((f) => (mapExportFormats as readonly string[]).includes(f.id)) : exportFormats;
  const href = (format: string) => `/api/workspaces/${ws}/export?format=${format}${mapId ? `&map=${mapId}` : ''}`;
  return (
    <details className="export-menu">
      <summary className={className} aria-label={mapId ? 'Export this map' : 'Export the workspace'}>
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
