// The ties among a scope's actors ($ids null: the whole workspace).
MATCH (a:Actor {workspaceId: $ws})-[r]->(b:Actor)
WHERE $ids IS NULL AND type(r) IN $types AND b.workspaceId = $ws
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.strength AS strength, r.mutual AS mutual
UNION ALL
UNWIND coalesce($ids, []) AS actorId
MATCH (a:Actor {id: actorId})-[r]->(b:Actor)
WHERE a.workspaceId = $ws AND type(r) IN $types AND b.id IN $ids
RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to, r.strength AS strength, r.mutual AS mutual
