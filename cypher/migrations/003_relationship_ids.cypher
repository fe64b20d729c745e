// Relationships are stored as real Neo4j types; each type gets an index on its id so that
// "relationship by id" is an index seek per type rather than a scan of every edge.
CREATE INDEX rel_position_id IF NOT EXISTS FOR ()-[r:POSITION]-() ON (r.id);
CREATE INDEX rel_membership_id IF NOT EXISTS FOR ()-[r:MEMBERSHIP]-() ON (r.id);
CREATE INDEX rel_ownership_id IF NOT EXISTS FOR ()-[r:OWNERSHIP]-() ON (r.id);
CREATE INDEX rel_donation_id IF NOT EXISTS FOR ()-[r:DONATION]-() ON (r.id);
CREATE INDEX rel_transaction_id IF NOT EXISTS FOR ()-[r:TRANSACTION]-() ON (r.id);
CREATE INDEX rel_lobbying_id IF NOT EXISTS FOR ()-[r:LOBBYING]-() ON (r.id);
CREATE INDEX rel_family_id IF NOT EXISTS FOR ()-[r:FAMILY]-() ON (r.id);
CREATE INDEX rel_social_id IF NOT EXISTS FOR ()-[r:SOCIAL]-() ON (r.id);
CREATE INDEX rel_professional_id IF NOT EXISTS FOR ()-[r:PROFESSIONAL]-() ON (r.id);
CREATE INDEX rel_hierarchy_id IF NOT EXISTS FOR ()-[r:HIERARCHY]-() ON (r.id);
CREATE INDEX rel_influence_id IF NOT EXISTS FOR ()-[r:INFLUENCE]-() ON (r.id);
CREATE INDEX rel_alliance_id IF NOT EXISTS FOR ()-[r:ALLIANCE]-() ON (r.id);
CREATE INDEX rel_opposition_id IF NOT EXISTS FOR ()-[r:OPPOSITION]-() ON (r.id);
CREATE INDEX rel_generic_id IF NOT EXISTS FOR ()-[r:GENERIC]-() ON (r.id);
