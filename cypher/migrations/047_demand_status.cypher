// Demands: the statuses campaigns use (drafting, presented, won, partly_won, lost, dropped)
// replace draft/active/won/lost/shelved; a deleted demand keeps its node as :DeletedDemand.
CREATE CONSTRAINT deleted_demand_workspace_id IF NOT EXISTS FOR (n:DeletedDemand) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE INDEX demand_idempotency IF NOT EXISTS FOR (n:Demand) ON (n.workspaceId, n.idempotencyKey);
MATCH (d:Demand) WHERE d.status IN ['draft', 'active', 'shelved']
SET d.status = CASE d.status WHEN 'draft' THEN 'drafting' WHEN 'active' THEN 'presented' ELSE 'dropped' END;
