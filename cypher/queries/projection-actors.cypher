// Every actor of the workspace, live ones first, deleted ones after (their ties come back
// with a restore), as compact rows: [id, name, kind, roles, power, alignment, alive].
MATCH (a:Actor {workspaceId: $ws})
RETURN [a.id, a.name, a.kind, coalesce(a.roles, []), a.power, a.alignment, true] AS row
UNION ALL
MATCH (a:DeletedActor {workspaceId: $ws})
RETURN [a.id, a.name, a.kind, coalesce(a.roles, []), a.power, a.alignment, false] AS row
