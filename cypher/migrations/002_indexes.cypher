// Workspace scoping: almost every query starts from "the actors of this workspace".
CREATE INDEX actor_workspace IF NOT EXISTS FOR (n:Actor) ON (n.workspaceId);
CREATE INDEX actor_workspace_name IF NOT EXISTS FOR (n:Actor) ON (n.workspaceId, n.nameKey);
CREATE INDEX deleted_actor_workspace IF NOT EXISTS FOR (n:DeletedActor) ON (n.workspaceId);
CREATE INDEX source_workspace IF NOT EXISTS FOR (n:Source) ON (n.workspaceId);
CREATE INDEX demand_workspace IF NOT EXISTS FOR (n:Demand) ON (n.workspaceId);
CREATE INDEX map_workspace IF NOT EXISTS FOR (n:Map) ON (n.workspaceId);
CREATE INDEX assessment_actor IF NOT EXISTS FOR (n:Assessment) ON (n.actorId, n.at);
CREATE INDEX assessment_workspace IF NOT EXISTS FOR (n:Assessment) ON (n.workspaceId, n.at);
CREATE INDEX change_workspace IF NOT EXISTS FOR (n:Change) ON (n.workspaceId, n.seq);
CREATE INDEX change_entity IF NOT EXISTS FOR (n:Change) ON (n.entityId);
CREATE INDEX session_expiry IF NOT EXISTS FOR (n:Session) ON (n.expiresAt);
CREATE INDEX invite_token IF NOT EXISTS FOR (n:Invite) ON (n.token);
