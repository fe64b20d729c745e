// An actor and every actor within {{MAX}} hops of it, over ties of the given types.
MATCH (c:Actor {id: $around})
WHERE c.workspaceId = $ws
OPTIONAL MATCH (c)((:Actor)-[r]-(:Actor) WHERE type(r) IN $types){1,{{MAX}}}(b:Actor)
WITH c, collect(DISTINCT b.id) AS ids
RETURN [c.id] + [x IN ids WHERE x <> c.id] AS ids
