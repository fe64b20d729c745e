import { useState, type FormEvent } from 'react';
import { actorPatch, actorRoles, sectors, type Actor, type ActorRole } from '../../api/domain';
import { Field } from '../../components/Field';
import { InternalMark } from '../../components/InternalMark';
import { SourcePicker } from '../../components/SourcePicker';
import { useRoute } from '../../router';
import { validate, type FieldErrors } from '../../components/validate';
import { alignmentLabels, powerLabels, roleLabels } from '../../graph/visual';
import { dispatch } from '../commands';
import { useEditor } from '../context';
import { alignmentScale, powerScale, signed } from '../../graph/scales';
import { useLiveForm } from '../useLiveForm';
import { ClashNotices } from './ClashNotices';

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** "wikipedia: Thad Cochran" per line ⇄ { wikipedia: 'Thad Cochran' }. */
export const externalIdsText = (ids: Record<string, string>) =>
  Object.entries(ids)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
export function parseExternalIds(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines(text)) {
    const at = line.indexOf(':');
    // A line without "key:" keeps its text as the key, so the schema names what is wrong.
    if (at < 0) out[line] = '';
    else out[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return out;
}

/** The form's fields as the record has them. */
export function actorFormValues(actor: Actor) {
  return {
    name: actor.name,
    sector: actor.sector ?? '',
    organized: actor.organized,
    roles: actor.roles,
    power: actor.power === null ? '' : String(actor.power),
    alignment: actor.alignment === null ? '' : String(actor.alignment),
    tags: actor.tags.join(', '),
    description: actor.description,
    interests: actor.interests.join(', '),
    powerSources: actor.powerSources.join(', '),
    sourceIds: actor.sourceIds,
    contactOwner: actor.contactOwner ?? '',
    privateNotes: actor.privateNotes,
    aliases: actor.aliases.join(', '),
    externalIds: externalIdsText(actor.externalIds),
    links: actor.links.join('\n'),
    image: actor.image ?? '',
    sharesOutstanding: actor.sharesOutstanding == null ? '' : String(actor.sharesOutstanding),
  };
}

const fieldNames: Record<string, string> = {
  name: 'the name',
  sector: 'the sector',
  organized: 'whether it is an organised group',
  roles: 'the roles',
  power: 'the power',
  alignment: 'the alignment',
  tags: 'the tags',
  description: 'the notes',
  interests: 'what they care about',
  powerSources: 'where their power comes from',
  sourceIds: 'the sources',
  contactOwner: 'who among us knows them',
  privateNotes: 'the private notes',
  aliases: 'the other names',
  externalIds: 'the external ids',
  links: 'the links',
  image: 'the image',
  sharesOutstanding: 'the shares outstanding',
};

/** Internal in every workspace, whatever its settings say (see server/domain/internal-fields.ts). */
const ALWAYS_INTERNAL = ['contactOwner', 'privateNotes'];

/**
 * Details of one actor, validated by the server's own schema before anything is sent.
 * `internal`: the actor fields this workspace keeps to itself, marked as such.
 */
export function ActorForm({
  actor,
  onOpenActor,
  full = false,
  onSaved,
  internal = ALWAYS_INTERNAL,
}: {
  actor: Actor;
  onOpenActor?: (id: string) => void;
  full?: boolean;
  onSaved?: () => void;
  internal?: readonly string[];
}) {
  const editor = useEditor();
  const route = useRoute();
  const ro = !editor.me.canEdit;
  const inside = (field: string) => internal.includes(field) || ALWAYS_INTERNAL.includes(field);
  const {
    form,
    setForm,
    clashes,
    keepMine,
    takeTheirs,
    save: saving,
  } = useLiveForm(`actor:${actor.id}`, actorFormValues(actor), () => editor.state.authors[actor.id] ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  // The source a new power and alignment cite (kept with the reading, not the actor).
  const [assessmentSource, setAssessmentSource] = useState<string | null>(null);
  const reassessed =
    form.power !== '' &&
    form.alignment !== '' &&
    (form.power !== (actor.power === null ? '' : String(actor.power)) ||
      form.alignment !== (actor.alignment === null ? '' : String(actor.alignment)));
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const patch = {
      name: form.name,
      sector: form.sector || null,
      organized: form.organized,
      sharesOutstanding: form.sharesOutstanding.trim() === '' ? null : Number(form.sharesOutstanding),
      roles: form.roles,
      power: form.power === '' ? null : Number(form.power),
      alignment: form.alignment === '' ? null : Number(form.alignment),
      tags: list(form.tags),
      description: form.description,
      interests: list(form.interests),
      powerSources: list(form.powerSources),
      sourceIds: form.sourceIds,
      contactOwner: form.contactOwner.trim() || null,
      privateNotes: form.privateNotes,
      ...(full
        ? {
            aliases: list(form.aliases),
            externalIds: parseExternalIds(form.externalIds),
            links: lines(form.links),
            image: form.image.trim() || null,
          }
        : {}),
    };
    const checked = validate(actorPatch, patch);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    const assessmentSourceId = reassessed ? assessmentSource : null;
    const ok = await saving(
      async () => (await dispatch(editor, 'updateActor', { id: actor.id, patch: checked.data, assessmentSourceId })) === true,
    );
    if (ok) {
      setAssessmentSource(null);
      editor.say('info', `Saved ${checked.data.name ?? actor.name}.`);
      onSaved?.();
    }
  };

  return (
    <form className="panel inspector-form" onSubmit={save} noValidate>
      <div className="panel-head">
        <h3>{actor.name}</h3>
        {onOpenActor && (
          <button type="button" className="btn btn-small" onClick={() => onOpenActor(actor.id)}>
            Profile
          </button>
        )}
      </div>
      <p className="muted small">
        {actor.kind === 'person' ? 'Person' : 'Organisation'} · version {actor.version}
      </p>
      <ClashNotices clashes={clashes} labels={fieldNames} onKeep={keepMine} onTake={takeTheirs} />
      <fieldset disabled={ro}>
        <Field label="Name" error={errors.name}>
          {(p) => <input {...p} name="name" value={form.name} onChange={set('name')} />}
        </Field>
        <div>
          <Field label="Power" error={errors.power} internal={inside('power')}>
            {(p) => (
              <select {...p} name="power" value={form.power} onChange={set('power')}>
                <option value="">Not assessed</option>
                {powerScale.map((v) => (
                  <option key={v} value={v}>
                    {v} · {powerLabels[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Alignment" error={errors.alignment} internal={inside('alignment')}>
            {(p) => (
              <select {...p} name="alignment" value={form.alignment} onChange={set('alignment')}>
                <option value="">Not assessed</option>
                {alignmentScale.map((v) => (
                  <option key={v} value={v}>
                    {signed(v)} · {alignmentLabels[v]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {reassessed && 'ws' in route && (
          <SourcePicker
            ws={route.ws}
            label="Source for this assessment"
            value={assessmentSource ? [assessmentSource] : []}
            onChange={(ids) => setAssessmentSource(ids.at(-1) ?? null)}
            disabled={ro}
          />
        )}
        <fieldset className="field roles">
          <legend>
            Roles
            {inside('roles') && (
              <span aria-hidden="true">
                <InternalMark />
              </span>
            )}
          </legend>
          {actorRoles.map((r: ActorRole) => (
            <label key={r} className="inline chip-check">
              <input
                type="checkbox"
                checked={form.roles.includes(r)}
                onChange={(e) => setForm({ ...form, roles: e.target.checked ? [...form.roles, r] : form.roles.filter((x) => x !== r) })}
              />{' '}
              {roleLabels[r]}
            </label>
          ))}
          {errors.roles && <div className="field-error">{errors.roles}</div>}
        </fieldset>
        {actor.kind === 'organization' && (
          <label className="inline field-check">
            <input type="checkbox" checked={form.organized} onChange={(e) => setForm({ ...form, organized: e.target.checked })} /> Organised
            group
          </label>
        )}
        {actor.kind === 'organization' && (
          <Field label="Shares outstanding" error={errors.sharesOutstanding}>
            {(p) => <input {...p} inputMode="numeric" value={form.sharesOutstanding} onChange={set('sharesOutstanding')} />}
          </Field>
        )}
        <Field label="Sector" error={errors.sector}>
          {(p) => (
            <select {...p} value={form.sector} onChange={set('sector')}>
              <option value="">—</option>
              {sectors.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Tags" error={errors.tags} hint="Separate with commas." internal={inside('tags')}>
          {(p) => <input {...p} value={form.tags} onChange={set('tags')} />}
        </Field>
        <Field label="What they care about" error={errors.interests} hint="Separate with commas." internal={inside('interests')}>
          {(p) => <input {...p} value={form.interests} onChange={set('interests')} />}
        </Field>
        <Field label="Where their power comes from" error={errors.powerSources} internal={inside('powerSources')}>
          {(p) => <input {...p} value={form.powerSources} onChange={set('powerSources')} />}
        </Field>
        {'ws' in route && (
          <SourcePicker ws={route.ws} value={form.sourceIds} onChange={(sourceIds) => setForm({ ...form, sourceIds })} disabled={ro} />
        )}
        {errors.sourceIds && <div className="field-error">{errors.sourceIds}</div>}
        <Field label="Who among us knows them" error={errors.contactOwner} internal>
          {(p) => <input {...p} value={form.contactOwner} onChange={set('contactOwner')} />}
        </Field>
        <Field label="Notes" error={errors.description} internal={inside('description')}>
          {(p) => <textarea {...p} rows={3} value={form.description} onChange={set('description')} />}
        </Field>
        <Field label="Private notes" error={errors.privateNotes} internal>
          {(p) => <textarea {...p} rows={3} value={form.privateNotes} onChange={set('privateNotes')} />}
        </Field>
        {full && (
          <>
            <Field label="Also known as" error={errors.aliases} hint="Separate with commas." internal={inside('aliases')}>
              {(p) => <input {...p} value={form.aliases} onChange={set('aliases')} />}
            </Field>
            <Field
              label="External ids"
              error={errors.externalIds}
              internal={inside('externalIds')}
              hint="One per line, e.g. bioguide: C000567 · wikipedia: Thad Cochran · opencorporates: us_de/123 · littlesis: 1234"
            >
              {(p) => <textarea {...p} rows={3} value={form.externalIds} onChange={set('externalIds')} />}
            </Field>
            <Field label="Links" error={errors.links} hint="One URL per line." internal={inside('links')}>
              {(p) => <textarea {...p} rows={2} value={form.links} onChange={set('links')} />}
            </Field>
            <Field label="Image URL" error={errors.image} internal={inside('image')}>
              {(p) => <input {...p} type="url" value={form.image} onChange={set('image')} />}
            </Field>
          </>
        )}
        {!ro && (
          <button className="btn btn-primary" type="submit">
            Save
          </button>
        )}
      </fieldset>
    </form>
  );
}
