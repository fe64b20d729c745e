// Our base: the actors of this workspace with the role `base`.
MATCH (a:Actor {workspaceId: $ws})
WHERE 'base' IN a.roles
RETURN a.id AS id
ORDER BY a.name, a.id
LIMIT $limit
