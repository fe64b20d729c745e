import type { Actor } from '../api/domain';
import type { GraphDoc } from './doc';
import { visibleActors, visibleRelationships } from './doc';
import { partnerLooks, partnerTieColor } from './partners';
import type { TargetLevel } from './targets';
import { actorShape, actorSize, alignmentColor, edgeLooks, isBadActor, textOnAlignment, typeLabels } from './visual';

/** A Cytoscape element as plain data: what the canvas should show, free of Cytoscape itself. */
export interface ElementSpec {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | boolean | null>;
  position?: { x: number; y: number };
  classes: string;
}

export interface ElementOptions {
  /** Scale nodes by this score (0…1) instead of power, e.g. broker score. */
  sizeBy?: Record<string, number> | null;
  /** Colour nodes by community instead of alignment. */
  colorBy?: Record<string, string> | null;
  /** Ring the targets of the workspace's demands (graph/targets.ts). */
  targets?: Record<string, TargetLevel> | null;
}

export function toElements(doc: GraphDoc, options: ElementOptions = {}): ElementSpec[] {
  const out: ElementSpec[] = [];
  for (const actor of visibleActors(doc)) {
    const member = doc.members[actor.id]!;
    const size = options.sizeBy ? 26 + 54 * (options.sizeBy[actor.id] ?? 0) : actorSize(actor.power);
    const classes = [
      actorShape(actor),
      isBadActor(actor) ? 'bad' : '',
      actor.alignment === null ? 'unassessed' : '',
      actor.roles.includes('base') ? 'base' : '',
      options.targets?.[actor.id] ? `target-${options.targets[actor.id]}` : '',
    ]
      .filter(Boolean)
      .join(' ');
    out.push({
      group: 'nodes',
      data: {
        id: actor.id,
        label: member.style.label ?? actor.name,
        kind: actor.kind,
        shape: actorShape(actor),
        size: Math.round(size),
        color: options.colorBy?.[actor.id] ?? member.style.color ?? alignmentColor(actor.alignment),
        textColor: options.colorBy ? '#1d2430' : textOnAlignment(actor.alignment),
        power: actor.power,
        alignment: actor.alignment,
        fontSize: labelSize(actor),
      },
      ...(member.x !== null && member.y !== null ? { position: { x: member.x, y: member.y } } : {}),
      classes,
    });
  }
  const partners = partnerLooks(doc);
  for (const r of visibleRelationships(doc)) {
    const look = edgeLooks[r.type];
    const partnerColor = partnerTieColor(doc, partners, r.id);
    out.push({
      group: 'edges',
      data: {
        id: r.id,
        source: r.from,
        target: r.to,
        type: r.type,
        label: typeLabels[r.type],
        color: partnerColor ?? look.color,
        line: look.line,
        width: look.width + (r.strength - 3) * 0.5,
        cited: r.sourceIds.length > 0,
      },
      classes: [r.mutual ? 'mutual' : 'directed', r.sourceIds.length ? '' : 'uncited', partnerColor ? 'partner' : '']
        .filter(Boolean)
        .join(' '),
    });
  }
  return out;
}

/**
 * Label size: the people a campaign asks about (decision-makers, powerful actors, organisations,
 * our base) get larger labels, so at the zoom that fits a whole map theirs stay readable while
 * the rest appear as the reader zooms in (the stylesheet hides labels below a rendered size).
 */
export function labelSize(actor: Pick<Actor, 'roles' | 'kind' | 'power'>): number {
  if (actor.kind === 'organization' || actor.roles.includes('decision_maker') || actor.roles.includes('base') || (actor.power ?? 0) >= 4)
    return 16;
  return 11;
}

export interface ElementPatch {
  add: ElementSpec[];
  remove: string[];
  update: { id: string; data?: ElementSpec['data']; classes?: string; position?: { x: number; y: number } }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The id-keyed difference between what is drawn and what should be: adds, removes and the
 * changed data, classes or saved positions. Positions only count when the saved position
 * changed, so the canvas never snaps back while the user is mid-layout.
 */
export function diffElements(prev: ElementSpec[], next: ElementSpec[]): ElementPatch {
  const before = new Map(prev.map((e) => [e.data.id as string, e]));
  const after = new Map(next.map((e) => [e.data.id as string, e]));
  const patch: ElementPatch = { add: [], remove: [], update: [] };
  for (const id of before.keys()) if (!after.has(id)) patch.remove.push(id);
  for (const [id, e] of after) {
    const old = before.get(id);
    if (!old) {
      patch.add.push(e);
      continue;
    }
    // An edge whose ends changed cannot be patched in place.
    if (e.group === 'edges' && (old.data.source !== e.data.source || old.data.target !== e.data.target)) {
      patch.remove.push(id);
      patch.add.push(e);
      continue;
    }
    const change: ElementPatch['update'][number] = { id };
    if (!same(old.data, e.data)) change.data = e.data;
    if (old.classes !== e.classes) change.classes = e.classes;
    if (e.position && !same(old.position, e.position)) change.position = e.position;
    if (change.data || change.classes !== undefined || change.position) patch.update.push(change);
  }
  return patch;
}
