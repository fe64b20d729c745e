import type { GraphDoc } from './doc';
import { visibleRelationships } from './doc';

/**
 * Colours for the organisations partners' ties came from (Okabe–Ito, safe for colour-blind
 * readers), chosen apart from the alignment scale so a partner's tie never reads as a stance.
 */
export const partnerPalette = ['#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#0072B2'];

export interface PartnerLook {
  id: string;
  name: string;
  color: string;
}

/** The partners whose ties the map shows, each with its colour: by name, so the legend reads in order. */
export function partnerLooks(doc: GraphDoc): Map<string, PartnerLook> {
  const partners = new Map<string, { id: string; name: string }>();
  for (const r of visibleRelationships(doc)) {
    const p = doc.partners?.[r.id];
    if (p) partners.set(p.id, p);
  }
  const sorted = [...partners.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return new Map(sorted.map((p, i) => [p.id, { ...p, color: partnerPalette[i % partnerPalette.length]! }]));
}

/** The colour of a tie a partner added, or null for the map's own ties. */
export function partnerTieColor(doc: GraphDoc, looks: Map<string, PartnerLook>, relationshipId: string): string | null {
  const p = doc.partners?.[relationshipId];
  return p ? (looks.get(p.id)?.color ?? null) : null;
}

/** Who added what, from the contributions the server lists for a map. */
export function partnersFrom(
  contributions: { entityId: string; workspace: { id: string; name: string } }[],
): Record<string, { id: string; name: string }> {
  return Object.fromEntries(contributions.map((c) => [c.entityId, c.workspace]));
}
