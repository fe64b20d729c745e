// The actors of a scope ($ids null: the whole workspace), with the workspace's change sequence.
MATCH (a:Actor {workspaceId: $ws})
WHERE $ids IS NULL
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.roles, []) AS roles, a.power AS power, a.alignment AS alignment
UNION ALL
UNWIND coalesce($ids, []) AS actorId
MATCH (a:Actor {id: actorId})
WHERE a.workspaceId = $ws
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.roles, []) AS roles, a.power AS power, a.alignment AS alignment
