import { useId, type ReactNode } from 'react';
import { INTERNAL_SHORT } from './internal-fields';
import { InternalMark } from './InternalMark';

/**
 * A labelled form control with its hint and its error right beneath it. `internal` marks a
 * field the workspace keeps to itself (the mark is for the eye; its hint says it in words).
 */
export function Field({
  label,
  error,
  hint,
  children,
  className = '',
  internal = false,
}: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  internal?: boolean;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  if (internal)
    hint = hint ? (
      <>
        {hint} {INTERNAL_SHORT}
      </>
    ) : (
      INTERNAL_SHORT
    );
  const described = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className}`}>
      <label htmlFor={id}>
        {label}
        {internal && (
          <span aria-hidden="true">
            <InternalMark />
          </span>
        )}
      </label>
      {children({ id, 'aria-invalid': !!error, ...(described ? { 'aria-describedby': described } : {}) })}
      {error ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      ) : hint ? (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}
