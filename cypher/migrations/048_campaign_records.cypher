// Campaign records: actions (tactics) of a demand, key dates, research tasks. Ids are unique
// within a workspace, like every other record.
CREATE CONSTRAINT campaign_action_workspace_id IF NOT EXISTS FOR (n:CampaignAction) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE CONSTRAINT key_date_workspace_id IF NOT EXISTS FOR (n:KeyDate) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE CONSTRAINT research_task_workspace_id IF NOT EXISTS FOR (n:ResearchTask) REQUIRE (n.workspaceId, n.id) IS UNIQUE;
CREATE INDEX campaign_action_demand IF NOT EXISTS FOR (n:CampaignAction) ON (n.workspaceId, n.demandId);
CREATE INDEX key_date_day IF NOT EXISTS FOR (n:KeyDate) ON (n.workspaceId, n.date);
CREATE INDEX research_task_assignee IF NOT EXISTS FOR (n:ResearchTask) ON (n.workspaceId, n.assigneeId);
