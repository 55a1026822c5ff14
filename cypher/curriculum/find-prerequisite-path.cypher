// Is $toId reachable from $fromId along REQUIRES? Chains longer than 500 edges are not supported.
MATCH (from:Concept {id: $fromId}), (to:Concept {id: $toId})
MATCH p = shortestPath((from)-[:REQUIRES*1..500]->(to))
RETURN [n IN nodes(p) | n.id] AS path
