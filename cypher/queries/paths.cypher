// The $count shortest loopless paths of at most {{MAX}} hops between two actors. Predicates
// inside the parenthesised pattern prune the search itself (Neo4j 5 pre-filter semantics),
// so paths that revisit an actor or pass an excluded or out-of-scope one are never counted.
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
WHERE a.workspaceId = $ws AND b.workspaceId = $ws
MATCH p = SHORTEST {{COUNT}} (
  (a)((x:Actor)-[r]-(y:Actor)
      WHERE type(r) IN $types AND NOT y.id IN $exclude AND ($scope IS NULL OR y.id IN $scope)){1,{{MAX}}}(b)
  WHERE all(i IN range(0, size(x) - 1) WHERE NOT x[i] IN x[i + 1..]) AND NOT b IN x
)
RETURN [n IN nodes(p) | n.id] AS actorIds,
       [rel IN relationships(p) | {id: rel.id, type: type(rel), from: startNode(rel).id, to: endNode(rel).id, strength: rel.strength, mutual: rel.mutual, board: rel.board}] AS relationships
