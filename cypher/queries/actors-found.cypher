// Which of the given ids are live actors of this workspace.
UNWIND $ids AS actorId
OPTIONAL MATCH (a:Actor {id: actorId})
WHERE a.workspaceId = $ws
RETURN actorId AS id, a IS NOT NULL AS found
