// The ties leaving one page of the scope's actors ($from, in scope order) to actors in scope
// ($ids null: the whole workspace). Read page by page, so that no single answer is large.
UNWIND $from AS actorId
MATCH (a:Actor {id: actorId})-[r]->(b:Actor)
WHERE a.workspaceId = $ws AND type(r) IN $types AND b.workspaceId = $ws AND ($ids IS NULL OR b.id IN $ids)
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.strength AS strength, r.mutual AS mutual
