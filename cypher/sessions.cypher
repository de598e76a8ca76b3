// name: sessions
// mode: read
// The sessions in chronological order, with how many proposals, stated positions and votes
// each holds.
// Counts are integers on both backends (FalkorDB sums to floats): hence toInteger(sum(...)).
// params:
MATCH (s:Session)
OPTIONAL MATCH (p:Proposal)-[:IN_SESSION]->(s)
OPTIONAL MATCH (a:Actor)-[r]->(p)
WITH s, count(DISTINCT p) AS proposals,
     toInteger(sum(CASE WHEN type(r) IN ['SUPPORTED', 'OPPOSED', 'NEUTRAL'] THEN 1 ELSE 0 END)) AS positions,
     toInteger(sum(CASE WHEN type(r) = 'VOTED' THEN 1 ELSE 0 END)) AS votes
RETURN s.id AS session, s.name AS name, s.start AS start, s.end AS end, s.venue AS venue,
       s.body AS body, proposals, positions, votes
ORDER BY start, session
