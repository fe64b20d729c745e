// Candidate routes from each of our actors to the target: the $count shortest loopless
// paths of at most {{MAX}} hops per starting actor, never passing through another of ours.
MATCH (t:Actor {id: $target})
WHERE t.workspaceId = $ws
UNWIND $from AS sourceId
MATCH (s:Actor {id: sourceId})
WHERE s.workspaceId = $ws AND s <> t
MATCH p = SHORTEST {{COUNT}} (
  (s)((x:Actor)-[r]-(y:Actor)
      WHERE type(r) IN $types AND (y = t OR NOT y.id IN $from) AND ($scope IS NULL OR y.id IN $scope)){1,{{MAX}}}(t)
  WHERE all(i IN range(0, size(x) - 1) WHERE NOT x[i] IN x[i + 1..]) AND NOT t IN x
)
RETURN [n IN nodes(p) | n.id] AS actorIds,
       [rel IN relationships(p) | {id: rel.id, type: type(rel), from: startNode(rel).id, to: endNode(rel).id, strength: rel.strength, mutual: rel.mutual, board: rel.board}] AS relationships,
       [n IN nodes(p) | {id: n.id, name: n.name, kind: n.kind, roles: coalesce(n.roles, []), power: n.power, alignment: n.alignment}] AS actors
