// name: loaded_sources
// mode: read
// The loaded sources (dataset files, reports, vote files) with how many proposals and positions
// each holds: what `blocs unload SOURCE` can remove.
// params:
MATCH (p:Proposal)
OPTIONAL MATCH (a:Actor)-[r:SUPPORTED|OPPOSED|NEUTRAL|VOTED]->(p)
WITH p.dataset AS source, count(DISTINCT p) AS proposals, count(r) AS positions
RETURN source, proposals, positions
ORDER BY source
