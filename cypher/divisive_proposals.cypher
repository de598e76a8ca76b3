// name: divisive_proposals
// mode: read
// The most divisive proposals of a session: those where both support and opposition are large.
// Ranked by the smaller of the two camps, then by how many took a side at all.
// params: session, top
// :param session => 'AHC-7'
// :param top => 10
MATCH (p:Proposal {session: $session})
OPTIONAL MATCH (s:Actor)-[:SUPPORTED]->(p)
WITH p, collect(DISTINCT s.code) AS supporters
OPTIONAL MATCH (o:Actor)-[:OPPOSED]->(p)
WITH p, supporters, collect(DISTINCT o.code) AS opponents
WHERE size(supporters) > 0 AND size(opponents) > 0
RETURN p.id AS proposal, p.issue AS issue, p.option AS option, p.date AS date,
       size(supporters) AS support, size(opponents) AS oppose,
       CASE WHEN size(supporters) < size(opponents) THEN size(supporters) ELSE size(opponents) END
         AS divisiveness,
       supporters, opponents, p.source AS source
ORDER BY divisiveness DESC, support + oppose DESC, proposal
LIMIT $top
