import type { z } from 'zod';
import { Field } from './Field';
import { fieldLabel, inputKind, optionLabels, toRaw, toValue } from './schema-fields';

/** One form field drawn from its zod schema: checkbox, number, date, select or text. */
export function SchemaInput({
  name,
  schema,
  value,
  onChange,
  error,
}: {
  name: string;
  schema: z.ZodType;
  value: unknown;
  onChange: (value: unknown) => void;
  error?: string | undefined;
}) {
  const kind = inputKind(schema);
  const label = fieldLabel(name, schema);
  if (kind.kind === 'boolean') {
    return (
      <div className="field field-check">
        <label className="inline">
          <input type="checkbox" name={name} checked={!!value} onChange={(e) => onChange(e.target.checked)} /> {label}
        </label>
        {error && (
          <div className="field-error" role="alert">
            {error}
          </div>
        )}
      </div>
    );
  }
  return (
    <Field label={label} error={error} hint={kind.kind === 'list' ? 'Separate with commas.' : undefined}>
      {(p) =>
        kind.kind === 'enum' ? (
          <select {...p} name={name} value={String(toRaw(kind, value))} onChange={(e) => onChange(toValue(kind, e.target.value))}>
            <option value="">—</option>
            {kind.options.map((o) => (
              <option key={o} value={o}>
                {optionLabels[name]?.[o] ?? o}
              </option>
            ))}
          </select>
        ) : (
          <input
            {...p}
            name={name}
            type={kind.kind === 'number' ? 'number' : kind.kind === 'date' ? 'date' : 'text'}
            value={String(toRaw(kind, value))}
            onChange={(e) => onChange(kind.kind === 'list' ? e.target.value : toValue(kind, e.target.value))}
            onBlur={kind.kind === 'list' ? (e) => onChange(toValue(kind, e.target.value)) : undefined}
          />
        )
      }
    </Field>
  );
}
