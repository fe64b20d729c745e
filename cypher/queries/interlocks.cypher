// One round trip: which of the given ids are live actors here, whether the scope's map or
// centre exists, and every other actor in scope tied to at least $min of them, with the ties.
CALL () {
  UNWIND $actors AS actorId
  OPTIONAL MATCH (a:Actor {id: actorId})
  WHERE a.workspaceId = $ws
  RETURN collect(a.id) AS found,
         collect(CASE WHEN a IS NULL THEN null ELSE {id: a.id, name: a.name, kind: a.kind, roles: coalesce(a.roles, []), power: a.power, alignment: a.alignment} END) AS given
}
CALL () {
  OPTIONAL MATCH (m:Map {id: $map})
  WHERE m.workspaceId = $ws
  OPTIONAL MATCH (o:Actor {id: $around})
  WHERE o.workspaceId = $ws
  RETURN ($map IS NULL OR m IS NOT NULL) AND ($around IS NULL OR o IS NOT NULL) AS scopeFound
}
CALL (found) {
  UNWIND found AS actorId
  MATCH (a:Actor {id: actorId})-[r]-(c:Actor)
  WHERE a.workspaceId = $ws AND type(r) IN $types AND NOT c.id IN found AND c.workspaceId = $ws
    AND ($map IS NULL OR EXISTS { (shown:Map {id: $map} WHERE shown.workspaceId = $ws)-[:SHOWS]->(c) })
    AND ($around IS NULL OR EXISTS { (centre:Actor {id: $around} WHERE centre.workspaceId = $ws)((:Actor)-[q]-(:Actor) WHERE type(q) IN $types){0,{{MAX}}}(c) })
  WITH c, collect(DISTINCT a.id) AS reached,
       collect({a: a.id, type: type(r), id: r.id, from: startNode(r).id, to: endNode(r).id, strength: r.strength, mutual: r.mutual}) AS ties
  WHERE size(reached) >= $min
  RETURN collect({actor: {id: c.id, name: c.name, kind: c.kind, roles: coalesce(c.roles, []), power: c.power, alignment: c.alignment}, ties: ties}) AS shared
}
RETURN found, given, scopeFound, shared
