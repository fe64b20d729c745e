// Public links to maps: found by the SHA-256 of their token (never stored in clear), and
// listed per map.
CREATE CONSTRAINT map_link_id IF NOT EXISTS FOR (n:MapLink) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT map_link_hash IF NOT EXISTS FOR (n:MapLink) REQUIRE n.hash IS UNIQUE;
CREATE INDEX map_link_map IF NOT EXISTS FOR (n:MapLink) ON (n.workspaceId, n.mapId);
