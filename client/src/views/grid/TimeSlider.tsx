const DAY = 86_400_000;

/** Replays the assessments: drag back to see where everyone stood on a past day. */
export function TimeSlider({
  at,
  onChange,
  earliest,
}: {
  ws: string;
  at: string | null;
  onChange: (at: string | null) => void;
  earliest: string;
}) {
  const start = Math.floor(new Date(earliest).getTime() / DAY);
  const today = Math.floor(Date.now() / DAY);
  const span = Math.max(1, today - start);
  const value = at ? Math.floor(new Date(at).getTime() / DAY) - start : span;
  const label = at ? new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' }) : 'Now';
  return (
    <div className="time-slider">
      <label htmlFor="grid-time">
        As of <strong>{label}</strong>
      </label>
      <input
        id="grid-time"
        type="range"
        min={0}
        max={span}
        value={value}
        aria-valuetext={label}
        onChange={(e) => {
          const day = Number(e.target.value);
          onChange(day >= span ? null : new Date((start + day + 1) * DAY - 1).toISOString().slice(0, 10));
        }}
      />
      <span className="muted small">{new Date(start * DAY).toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} → today</span>
      {at && (
        <button className="btn btn-small" onClick={() => onChange(null)}>
          Back to now
        </button>
      )}
      {at && <span className="muted small">Past view: read-only</span>}
    </div>
  );
}
