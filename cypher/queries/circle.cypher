// A demand's primary targets and, for each, the actors tied to them by a tie that gives
// power over a person ($rules: type → which way the tie must point, see circle.ts).
MATCH (d:Demand {id: $demand})
WHERE d.workspaceId = $ws
OPTIONAL MATCH (d)-[:TARGETS {primary: true}]->(t:Actor)
WITH d, collect(t) AS targets
CALL (targets) {
  UNWIND targets AS t
  MATCH (t)-[r]-(s:Actor)
  WHERE s.workspaceId = $ws AND NOT s IN targets AND type(r) IN keys($rules)
    AND ($rules[type(r)] = 'either' OR ($rules[type(r)] = 'in' AND endNode(r) = t) OR ($rules[type(r)] = 'out' AND startNode(r) = t))
  RETURN collect({target: t.id, other: s.id, id: r.id, type: type(r), from: startNode(r).id, to: endNode(r).id, strength: r.strength, mutual: r.mutual}) AS ties,
         collect(DISTINCT {id: s.id, name: s.name, kind: s.kind, roles: coalesce(s.roles, []), power: s.power, alignment: s.alignment}) AS others
}
RETURN [t IN targets | {id: t.id, name: t.name, kind: t.kind, roles: coalesce(t.roles, []), power: t.power, alignment: t.alignment}] AS targets,
       ties, others
