// The actors within {{MAX}} hops of an actor (nearest first, then by name), cut at $limit,
// with the total before the cut and every tie of the given types among those kept.
MATCH (c:Actor {id: $actor})
WHERE c.workspaceId = $ws
OPTIONAL MATCH p = (c)({{STEP}} WHERE type(r) IN $types){1,{{MAX}}}(b:Actor)
WHERE b <> c
WITH c, b, min(length(p)) AS depth
ORDER BY depth, b.name, b.id
WITH c, collect(CASE WHEN b IS NULL THEN null ELSE {actor: b, depth: depth} END) AS reached
WITH c, reached, size(reached) AS total
WITH c, reached[0..$limit] AS kept, total
WITH c, kept, total, [c] + [x IN kept | x.actor] AS nodes
CALL (nodes) {
  UNWIND nodes AS n
  MATCH (n)-[r]->(m:Actor)
  WHERE type(r) IN $types AND m IN nodes
  RETURN collect(DISTINCT {id: r.id, type: type(r), from: n.id, to: m.id, strength: r.strength, mutual: r.mutual}) AS relationships
}
RETURN [n IN nodes | {id: n.id, name: n.name, kind: n.kind, roles: coalesce(n.roles, []), power: n.power, alignment: n.alignment}] AS actors,
       [x IN kept | [x.actor.id, x.depth]] AS depths,
       total, relationships
