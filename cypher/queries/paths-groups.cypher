// Every loopless path of the $groups shortest lengths (at most {{MAX}} hops), shortest first,
// at most $cap of them: the candidates the weighted ranking chooses from.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
WHERE a.workspaceId = $ws AND b.workspaceId = $ws
MATCH p = SHORTEST {{COUNT}} GROUPS (
  (a)((x:Actor)-[r]-(y:Actor)
      WHERE type(r) IN $types AND NOT y.id IN $exclude AND ($scope IS NULL OR y.id IN $scope)){1,{{MAX}}}(b)
  WHERE all(i IN range(0, size(x) - 1) WHERE NOT x[i] IN x[i + 1..]) AND NOT b IN x
)
WITH p ORDER BY length(p) LIMIT $cap
RETURN [n IN nodes(p) | n.id] AS actorIds,
       [rel IN relationships(p) | {id: rel.id, type: type(rel), from: startNode(rel).id, to: endNode(rel).id, strength: rel.strength, mutual: rel.mutual}] AS relationships
