// Import jobs: one node per uploaded file, read by the job's id within its workspace and
// listed per workspace; a user's unfinished jobs are counted for the per-account limit.
CREATE CONSTRAINT import_job_id IF NOT EXISTS FOR (n:ImportJob) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_job_workspace IF NOT EXISTS FOR (n:ImportJob) ON (n.workspaceId, n.createdAt);
CREATE INDEX import_job_user IF NOT EXISTS FOR (n:ImportJob) ON (n.userId, n.state);
