import { INTERNAL_HINT } from './internal-fields';
import '../sharing.css';

/** The small "internal" tag beside a field that never leaves the workspace. */
export function InternalMark() {
  return (
    <span className="internal-mark" title={INTERNAL_HINT}>
      internal
    </span>
  );
}
