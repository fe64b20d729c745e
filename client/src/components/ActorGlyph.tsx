import type { Actor } from '../api/domain';
import { actorShape, alignmentColor, isBadActor } from '../graph/visual';

/** The actor's map symbol in small: shape by role, fill by alignment, a heavy ring for bad actors. */
export function ActorGlyph({ actor, size = 14 }: { actor: Pick<Actor, 'roles' | 'organized' | 'alignment'>; size?: number }) {
  const shape = actorShape(actor);
  const fill = alignmentColor(actor.alignment);
  const stroke = isBadActor(actor) ? '#111' : '#5b6475';
  const sw = isBadActor(actor) ? 2.5 : 1;
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className="glyph">
      {shape === 'triangle' && <polygon points="8,1.5 15,14.5 1,14.5" fill={fill} stroke={stroke} strokeWidth={sw} />}
      {shape === 'rectangle' && <rect x="1.5" y="2.5" width="13" height="11" fill={fill} stroke={stroke} strokeWidth={sw} />}
      {shape === 'ellipse' && <circle cx="8" cy="8" r="6.5" fill={fill} stroke={stroke} strokeWidth={sw} />}
    </svg>
  );
}
