// The ties leaving one page of actors ($from), live or deleted, to actors of the workspace,
// as compact rows: [id, type, from, to, strength, mutual, board]. Read page by page so that
// no single answer is large.
UNWIND $from AS actorId
CALL (actorId) {
  MATCH (a:Actor {id: actorId}) RETURN a
  UNION
  MATCH (a:DeletedActor {id: actorId}) RETURN a
}
MATCH (a)-[r]->(b)
WHERE a.workspaceId = $ws AND r.workspaceId = $ws AND type(r) IN $types AND b.workspaceId = $ws AND (b:Actor OR b:DeletedActor)
RETURN [r.id, type(r), a.id, b.id, r.strength, r.mutual, r.board] AS row
