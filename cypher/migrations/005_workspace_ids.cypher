// Ids are unique within a workspace, not across workspaces. A client may choose an id
// (undo, imports, copying between workspaces); if ids were unique across the whole database,
// a create in one workspace could tell that another workspace holds that id (an existence
// oracle) or silently store nothing. The new constraints come first, so there is no moment
// without one; every lookup by id also filters by workspaceId.
CREATE CONSTRAINT actor_workspace_id IF NOT EXISTS FOR (n:Actor) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE CONSTRAINT deleted_actor_workspace_id IF NOT EXISTS FOR (n:DeletedActor) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE CONSTRAINT assessment_workspace_id IF NOT EXISTS FOR (n:Assessment) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE CONSTRAINT source_workspace_id IF NOT EXISTS FOR (n:Source) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE CONSTRAINT demand_workspace_id IF NOT EXISTS FOR (n:Demand) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE CONSTRAINT map_workspace_id IF NOT EXISTS FOR (n:Map) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
// Relationship ids too, per type (a constraint names one type); the services check across
// types inside the workspace's write lock.
CREATE CONSTRAINT rel_position_workspace_id IF NOT EXISTS FOR ()-[r:POSITION]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_membership_workspace_id IF NOT EXISTS FOR ()-[r:MEMBERSHIP]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_ownership_workspace_id IF NOT EXISTS FOR ()-[r:OWNERSHIP]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_donation_workspace_id IF NOT EXISTS FOR ()-[r:DONATION]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_transaction_workspace_id IF NOT EXISTS FOR ()-[r:TRANSACTION]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_lobbying_workspace_id IF NOT EXISTS FOR ()-[r:LOBBYING]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_family_workspace_id IF NOT EXISTS FOR ()-[r:FAMILY]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_social_workspace_id IF NOT EXISTS FOR ()-[r:SOCIAL]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_professional_workspace_id IF NOT EXISTS FOR ()-[r:PROFESSIONAL]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_hierarchy_workspace_id IF NOT EXISTS FOR ()-[r:HIERARCHY]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_influence_workspace_id IF NOT EXISTS FOR ()-[r:INFLUENCE]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_alliance_workspace_id IF NOT EXISTS FOR ()-[r:ALLIANCE]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_opposition_workspace_id IF NOT EXISTS FOR ()-[r:OPPOSITION]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
CREATE CONSTRAINT rel_generic_workspace_id IF NOT EXISTS FOR ()-[r:GENERIC]-() REQUIRE (r.workspaceId, r.id) IS UNIQUE;
// The database-wide ones go.
DROP CONSTRAINT actor_id IF EXISTS;
DROP CONSTRAINT deleted_actor_id IF EXISTS;
DROP CONSTRAINT assessment_id IF EXISTS;
DROP CONSTRAINT source_id IF EXISTS;
DROP CONSTRAINT demand_id IF EXISTS;
DROP CONSTRAINT map_id IF EXISTS;
// Lookups by id alone (tools, the bench's fixture writer, the change log's entity ids) keep an index.
CREATE INDEX actor_id_lookup IF NOT EXISTS FOR (n:Actor) ON (n.id);
CREATE INDEX deleted_actor_id_lookup IF NOT EXISTS FOR (n:DeletedActor) ON (n.id);
CREATE INDEX assessment_id_lookup IF NOT EXISTS FOR (n:Assessment) ON (n.id);
CREATE INDEX source_id_lookup IF NOT EXISTS FOR (n:Source) ON (n.id);
CREATE INDEX demand_id_lookup IF NOT EXISTS FOR (n:Demand) ON (n.id);
CREATE INDEX map_id_lookup IF NOT EXISTS FOR (n:Map) ON (n.id);
