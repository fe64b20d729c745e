// Shares: one map offered by its workspace to a partner workspace. At most one share per
// map and partner, so a second offer is a conflict rather than a duplicate.
CREATE CONSTRAINT share_id IF NOT EXISTS FOR (n:Share) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT share_map_partner IF NOT EXISTS FOR (n:Share) REQUIRE (n.mapId, n.partnerWorkspaceId) IS UNIQUE;
CREATE INDEX share_partner IF NOT EXISTS FOR (n:Share) ON (n.partnerWorkspaceId, n.status);
CREATE INDEX share_owner IF NOT EXISTS FOR (n:Share) ON (n.workspaceId);
// Contributions: which partner workspace added an actor or a tie through a shared map.
CREATE CONSTRAINT contribution_entity IF NOT EXISTS FOR (n:Contribution) REQUIRE n.entityId IS UNIQUE;
