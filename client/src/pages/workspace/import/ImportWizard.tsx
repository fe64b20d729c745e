import { useRef, useState, type DragEvent } from 'react';
import { relationshipTypes, type ImportFormat, type ImportJob, type ImportMapping, type RelationshipType } from '../../../api/domain';
import { ApiError, get, post } from '../../../api/http';
import { errorText } from '../../../api/queries';
import { navigate, paths } from '../../../router';
import { detectFormat, shapeKey } from './detect';
import './import.css';

const FORMATS: { id: ImportFormat; label: string; hint: string }[] = [
  { id: 'csv', label: 'CSV table', hint: 'A table of ties, one a row: you say which columns name the two actors.' },
  { id: 'xlsx', label: 'Excel workbook (XLSX)', hint: 'A sheet of ties, one a row: you say which columns name the two actors.' },
  { id: 'kumu', label: 'Kumu sheets', hint: 'Kumu’s elements and connections sheets, as Kumu exports them.' },
  { id: 'ftm', label: 'FollowTheMoney entities', hint: 'Aleph’s and OpenSanctions’ entity streams, one JSON object a line.' },
  { id: 'littlesis', label: 'LittleSis JSON', hint: 'An answer of LittleSis’s API or rows of its bulk dumps.' },
  {
    id: 'sec13f',
    label: 'SEC 13F-HR filing',
    hint: 'An institutional manager’s quarterly US holdings from EDGAR: the submission .txt, or a ZIP of its XML documents.',
  },
  {
    id: 'bods',
    label: 'Beneficial ownership (BODS 0.4)',
    hint: 'Open Ownership’s statements of who owns and controls companies, as a JSON array or JSON lines.',
  },
  { id: 'backup', label: 'powermap backup', hint: 'A whole workspace exported as a backup.' },
];

type Fields = {
  from: string;
  fromKind: 'person' | 'organization';
  to: string;
  toKind: 'person' | 'organization';
  type: string;
  sourceUrl: string;
  startDate: string;
  endDate: string;
  amount: string;
  notes: string;
};
const emptyFields: Fields = {
  from: '',
  fromKind: 'person',
  to: '',
  toKind: 'organization',
  type: '',
  sourceUrl: '',
  startDate: '',
  endDate: '',
  amount: '',
  notes: '',
};

const guess = (columns: string[], ...names: string[]) => columns.find((c) => names.includes(c.trim().toLowerCase())) ?? '';

function mappingOf(f: Fields, labels: Record<string, RelationshipType>, sheet?: string): ImportMapping {
  const opt = (key: keyof ImportMapping, value: string) => (value ? { [key]: value } : {});
  return {
    ...(sheet ? { sheet } : {}),
    from: { column: f.from, kind: f.fromKind },
    to: { column: f.to, kind: f.toKind },
    ...(f.type ? { type: { column: f.type, labels } } : {}),
    ...opt('sourceUrl', f.sourceUrl),
    ...opt('startDate', f.startDate),
    ...opt('endDate', f.endDate),
    ...opt('amount', f.amount),
    ...opt('notes', f.notes),
  };
}

type Matches = Record<string, string>;

async function upload(
  ws: string,
  file: File,
  format: ImportFormat,
  mapping: ImportMapping | null,
  dryRun: boolean,
  matches: Matches = {},
): Promise<string> {
  const body = new FormData();
  body.set('format', format);
  body.set('dryRun', String(dryRun));
  if (mapping) body.set('mapping', JSON.stringify(mapping));
  if (Object.keys(matches).length) body.set('matches', JSON.stringify(matches));
  body.set('file', file);
  const res = await fetch(`/api/workspaces/${ws}/imports`, { method: 'POST', body, credentials: 'same-origin' });
  const json = (await res.json().catch(() => ({}))) as { id?: string; detail?: string };
  if (res.status !== 202 || !json.id)
    throw new ApiError({ status: res.status, detail: json.detail ?? `The server answered ${res.status}.` });
  return json.id;
}

/** The server fetches a LittleSis entity with its connections and starts an import of them. */
async function fromLittleSis(ws: string, entity: string, dryRun: boolean, matches: Matches = {}): Promise<string> {
  return (await post<{ id: string }>(`/api/workspaces/${ws}/imports/littlesis`, { entity, dryRun, matches })).id;
}

/** Polls a job until it ends, reporting each state on the way (for the progress bar). */
async function follow(ws: string, id: string, onState: (job: ImportJob) => void): Promise<ImportJob> {
  for (;;) {
    const job = await get<ImportJob>(`/api/workspaces/${ws}/imports/${id}`);
    onState(job);
    if (job.state === 'done' || job.state === 'failed') return job;
    await new Promise((r) => setTimeout(r, 400));
  }
}

/** What to check though nothing failed: declared totals that disagree, rows left out, figures converted. */
function Warnings({ job }: { job: ImportJob }) {
  if (!job.warnings.length) return null;
  return (
    <ul aria-label="Warnings" className="warnings">
      {job.warnings.map((w, i) => (
        <li key={i}>
          {w.row !== undefined && <span className="muted">Row {w.row}: </span>}
          {w.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * Workspace → Import: drop a file, see its format and first rows, map the columns of a plain
 * table, preview what would be created, matched or skipped (with every failing row), then
 * import with a progress bar and open the result as a map.
 */
export function ImportWizard({ ws }: { ws: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<ImportFormat>('csv');
  const [sample, setSample] = useState<ImportJob['sample']>(null);
  const [fields, setFields] = useState<Fields>(emptyFields);
  const [labels, setLabels] = useState<Record<string, RelationshipType>>({});
  const [preview, setPreview] = useState<ImportJob | null>(null);
  const [running, setRunning] = useState<ImportJob | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [savedMapping, setSavedMapping] = useState(false);
  /** The LittleSis entity being added (instead of a file), as typed. */
  const [entity, setEntity] = useState('');
  const [littlesis, setLittlesis] = useState<string | null>(null);
  /** Fuzzy candidates the user confirmed as the same actor: incoming name → existing id. */
  const [matches, setMatches] = useState<Matches>({});
  const input = useRef<HTMLInputElement>(null);
  const table = format === 'csv' || format === 'xlsx';
  const sheet = sample?.sheets.find((s) => s.columns.length) ?? null;

  const choose = async (f: File) => {
    setFile(f);
    setLittlesis(null);
    setMatches({});
    setPreview(null);
    setRunning(null);
    setProblem(null);
    setSample(null);
    setLabels({});
    const detected = await detectFormat(f);
    setFormat(detected);
    if (detected === 'csv' || detected === 'xlsx') await inspect(f, detected);
  };

  /** A dry run without a mapping: the server answers with the sheets' first rows. */
  const inspect = async (f: File, fmt: ImportFormat) => {
    setBusy(true);
    try {
      const job = await follow(ws, await upload(ws, f, fmt, null, true), () => {});
      setSample(job.sample);
      if (job.sample?.detected === 'kumu') {
        setFormat('kumu');
        setPreview(job);
        return;
      }
      const columns = job.sample?.sheets.find((s) => s.columns.length)?.columns ?? [];
      const saved = localStorage.getItem(shapeKey(columns));
      if (saved) {
        setFields({ ...emptyFields, ...(JSON.parse(saved) as Partial<Fields>) });
        setSavedMapping(true);
      } else {
        setSavedMapping(false);
        setFields({
          ...emptyFields,
          from: guess(columns, 'from', 'source', 'person', 'name', 'director', 'donor'),
          to: guess(columns, 'to', 'target', 'organisation', 'organization', 'company', 'recipient', 'committee'),
          type: guess(columns, 'type', 'relationship', 'label', 'role'),
          sourceUrl: guess(columns, 'source url', 'url', 'link'),
          startDate: guess(columns, 'start', 'start date', 'since', 'date'),
          endDate: guess(columns, 'end', 'end date', 'until'),
          amount: guess(columns, 'amount', 'value'),
          notes: guess(columns, 'notes', 'description'),
        });
      }
      if (job.state === 'done') setPreview(job);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const mapping = () => (table ? mappingOf(fields, labels, format === 'xlsx' ? sheet?.name : undefined) : null);

  const runPreview = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      if (table && sheet) localStorage.setItem(shapeKey(sheet.columns), JSON.stringify(fields));
      const job = await follow(ws, await upload(ws, file, format, mapping(), true, matches), () => {});
      setPreview(job);
      if (job.state === 'failed' && job.failure) setProblem(job.failure);
      setLabels((old) => ({ ...Object.fromEntries(job.labels.map((l) => [l.label, l.type])), ...old }));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  /** "Add from LittleSis": the server fetches the entity; the preview shows what it would add. */
  const previewLittleSis = async () => {
    const wanted = entity.trim();
    if (!wanted) return;
    setFile(null);
    setSample(null);
    setRunning(null);
    setPreview(null);
    setProblem(null);
    setMatches({});
    setLittlesis(wanted);
    setBusy(true);
    try {
      const job = await follow(ws, await fromLittleSis(ws, wanted, true), () => {});
      setPreview(job);
      if (job.state === 'failed' && job.failure) setProblem(job.failure);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const runImport = async () => {
    if (!file && !littlesis) return;
    setBusy(true);
    setProblem(null);
    try {
      const started = littlesis
        ? await fromLittleSis(ws, littlesis, false, matches)
        : await upload(ws, file!, format, mapping(), false, matches);
      const job = await follow(ws, started, setRunning);
      if (job.state === 'failed') setProblem(job.failure ?? 'The import failed; nothing was written.');
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const openMap = async () => {
    const actors = await get<{ items: { id: string }[] }>(`/api/workspaces/${ws}/actors?limit=500`);
    const map = await post<{ id: string }>(`/api/workspaces/${ws}/maps`, {
      name: (littlesis
        ? `From LittleSis, entity ${/\d+/.exec(running?.fileName ?? '')?.[0] ?? littlesis}`
        : `Imported from ${file?.name ?? 'a file'}`
      ).slice(0, 200),
      members: actors.items.map((a) => ({ actorId: a.id })),
    });
    navigate(paths.map(ws, map.id));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const f = e.dataTransfer.files[0];
    if (f) void choose(f);
  };

  // A changed mapping needs a fresh preview before it can be imported.
  const set = (key: keyof Fields) => (e: { target: { value: string } }) => {
    setFields((f) => ({ ...f, [key]: e.target.value }));
    setPreview(null);
  };
  const columnSelect = (label: string, key: keyof Fields, required = false) => (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} value={fields[key]} onChange={set(key)}>
        {!required && <option value="">(none)</option>}
        {required && !fields[key] && <option value="">Choose a column</option>}
        {(sheet?.columns ?? []).map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );
  const kindSelect = (label: string, key: 'fromKind' | 'toKind') => (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} value={fields[key]} onChange={set(key)}>
        <option value="person">People</option>
        <option value="organization">Organisations</option>
      </select>
    </label>
  );

  const done = running?.state === 'done';
  return (
    <div className="import-wizard">
      <h2>Import</h2>
      <div
        className="drop-zone"
        role="button"
        tabIndex={0}
        aria-label="Drop a file here or choose one"
        onDragOver={(e) => e.preventDefault()}
        onDrop={onDrop}
        onClick={() => input.current?.click()}
        onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && input.current?.click()}
      >
        {file ? <strong>{file.name}</strong> : 'Drop a CSV, XLSX, FollowTheMoney, LittleSis, 13F or BODS file here, or choose one'}
        <input
          ref={input}
          type="file"
          aria-label="File to import"
          hidden
          onChange={(e) => e.target.files?.[0] && void choose(e.target.files[0])}
        />
      </div>
      <form
        className="littlesis"
        aria-label="Add from LittleSis"
        onSubmit={(e) => {
          e.preventDefault();
          void previewLittleSis();
        }}
      >
        <label className="field">
          <span>Add from LittleSis</span>
          <input
            aria-label="LittleSis entity URL or id"
            placeholder="https://littlesis.org/org/1164-Goldman_Sachs or 1164"
            value={entity}
            onChange={(e) => setEntity(e.target.value)}
          />
          <span className="muted">The entity, its relationships and the people and organisations at their other ends.</span>
        </label>
        <button type="submit" className="btn" disabled={busy || !entity.trim()}>
          Fetch and preview
        </button>
      </form>
      {file && (
        <label className="field">
          <span>Format</span>
          <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
          <span className="muted">{FORMATS.find((f) => f.id === format)?.hint}</span>
        </label>
      )}

      {table && sheet && (
        <section aria-label="Columns">
          <h3>Columns{savedMapping && <span className="muted"> — using the mapping saved for files of this shape</span>}</h3>
          <div className="table-scroll">
            <table aria-label="First rows">
              <thead>
                <tr>
                  {sheet.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((r, i) => (
                  <tr key={i}>
                    {sheet.columns.map((_, j) => (
                      <td key={j}>{r[j] ?? ''}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="form-grid">
            {columnSelect('First actor', 'from', true)}
            {kindSelect('First actor is', 'fromKind')}
            {columnSelect('Second actor', 'to', true)}
            {kindSelect('Second actor is', 'toKind')}
            {columnSelect('Relationship type', 'type')}
            {columnSelect('Source URL', 'sourceUrl')}
            {columnSelect('Start date', 'startDate')}
            {columnSelect('End date', 'endDate')}
            {columnSelect('Amount', 'amount')}
            {columnSelect('Notes', 'notes')}
          </div>
        </section>
      )}

      {littlesis && !file && preview && (
        <p className="actions">
          <button
            type="button"
            className="btn btn-primary"
            onClick={runImport}
            disabled={busy || done || preview.state !== 'done' || preview.errorCount > 0}
          >
            Import from LittleSis
          </button>
        </p>
      )}
      {file && (
        <p className="actions">
          <button type="button" className="btn" onClick={runPreview} disabled={busy || (table && (!fields.from || !fields.to))}>
            Preview
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={runImport}
            disabled={busy || !preview || preview.state !== 'done' || preview.errorCount > 0}
          >
            Import
          </button>
        </p>
      )}
      {problem && (
        <p role="alert" className="alert alert-error">
          {problem}
        </p>
      )}

      {preview && (
        <section aria-label="Preview">
          <h3>Preview</h3>
          <dl className="counts">
            <dt>Actors created</dt>
            <dd>{preview.counts.actorsCreated}</dd>
            <dt>Actors matched</dt>
            <dd>{preview.counts.actorsMatched}</dd>
            <dt>Relationships created</dt>
            <dd>{preview.counts.relationshipsCreated}</dd>
            <dt>Relationships matched</dt>
            <dd>{preview.counts.relationshipsMatched}</dd>
            <dt>Sources created</dt>
            <dd>{preview.counts.sourcesCreated}</dd>
            <dt>Skipped</dt>
            <dd>{preview.counts.skipped}</dd>
          </dl>
          {preview.labels.length > 0 && (
            <table aria-label="Relationship labels">
              <thead>
                <tr>
                  <th>Label in the file</th>
                  <th>Rows</th>
                  <th>Read as</th>
                </tr>
              </thead>
              <tbody>
                {preview.labels.map((l) => (
                  <tr key={l.label}>
                    <td>{l.label}</td>
                    <td>{l.rows}</td>
                    <td>
                      <select
                        aria-label={`Type for ${l.label}`}
                        value={labels[l.label] ?? l.type}
                        onChange={(e) => setLabels((old) => ({ ...old, [l.label]: e.target.value as RelationshipType }))}
                      >
                        {relationshipTypes.map((t) => (
                          <option key={t} value={t}>
                            {t}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Warnings job={preview} />
          {preview.fuzzy.length > 0 && (
            <fieldset className="fuzzy">
              <legend>Possible duplicates: the same actor, or kept apart?</legend>
              <ul aria-label="Possible duplicates">
                {preview.fuzzy.map((f) => (
                  <li key={`${f.row}-${f.name}`}>
                    <span>
                      “{f.name}” {!littlesis && <span className="muted">(row {f.row}) </span>}looks like
                    </span>
                    {f.candidates.map((c) => (
                      <label key={c.id}>
                        <input
                          type="radio"
                          name={`match-${f.row}-${f.name}`}
                          checked={matches[f.name] === c.id}
                          onChange={() => setMatches((m) => ({ ...m, [f.name]: c.id }))}
                        />
                        Same as “{c.name}”
                      </label>
                    ))}
                    <label>
                      <input
                        type="radio"
                        name={`match-${f.row}-${f.name}`}
                        checked={!matches[f.name]}
                        onChange={() => setMatches((m) => Object.fromEntries(Object.entries(m).filter(([name]) => name !== f.name)))}
                      />
                      Keep apart
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )}
          {preview.errors.length > 0 && (
            <table aria-label="Failing rows">
              <thead>
                <tr>
                  <th>Row</th>
                  <th>Column</th>
                  <th>Problem</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((e, i) => (
                  <tr key={i}>
                    <td>{e.row}</td>
                    <td>{e.column ?? ''}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {preview.errorCount > preview.errors.length && (
            <p className="muted">…and {preview.errorCount - preview.errors.length} more failing rows.</p>
          )}
        </section>
      )}

      {running && (
        <section aria-label="Progress">
          {/* A file read as it streams (a backup) has no total until it ends: the bar then says "working", not "0 of 0". */}
          {running.progress.totalRows > 0 || running.state === 'done' ? (
            <progress aria-label="Import progress" max={Math.max(1, running.progress.totalRows)} value={running.progress.rows} />
          ) : (
            <progress aria-label="Import progress" />
          )}
          <p>
            {running.state === 'done'
              ? `Imported: ${running.counts.actorsCreated} actors and ${running.counts.relationshipsCreated} relationships created.`
              : running.state === 'failed'
                ? 'The import failed; nothing was written.'
                : running.progress.totalRows > 0
                  ? `Importing… ${running.progress.rows} of ${running.progress.totalRows} rows`
                  : `Importing… ${running.progress.rows} records read`}
          </p>
          {done && <Warnings job={running} />}
          {done && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void openMap().catch((e: unknown) => setProblem(errorText(e)))}
            >
              Open the map
            </button>
          )}
        </section>
      )}
    </div>
  );
}
