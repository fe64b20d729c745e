import { liveDescription, liveLabels, type LiveStatus as Status } from '../api/live-status';
import './live-status.css';

/**
 * Where live updates stand, as a small coloured dot and a word: announced to screen readers
 * when it changes, with the longer sentence as its tooltip. On a phone only the dot shows;
 * the word stays for screen readers.
 */
export function LiveStatus({ status }: { status: Status }) {
  const description = liveDescription(status);
  return (
    <span className="live-status" data-state={status.state} role="status" aria-label="Live updates" title={description}>
      <span className="live-dot" aria-hidden="true" />
      <span className="live-label">{liveLabels[status.state]}</span>
    </span>
  );
}
