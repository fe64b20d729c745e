// The actors a map shows; no row when the map is not in this workspace.
MATCH (m:Map {id: $map})
WHERE m.workspaceId = $ws
OPTIONAL MATCH (m)-[:SHOWS]->(a:Actor)
RETURN m.id AS mapId, collect(a.id) AS ids
