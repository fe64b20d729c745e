import { useId } from 'react';
import type { Actor } from '../../api/domain';

export function ActorSelect({
  label,
  actors,
  value,
  onChange,
}: {
  label: string;
  actors: Actor[];
  value: string;
  onChange: (id: string) => void;
}) {
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose an actor…</option>
        {actors.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </div>
  );
}
