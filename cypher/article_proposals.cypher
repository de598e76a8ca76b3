// name: article_proposals
// mode: read
// Who proposed what on one article or issue, and who backed, opposed or stayed neutral on it.
// `issue` is an issue-key prefix: 'art58' finds 'art58-secretariat' and its competing options.
// params: issue
// :param issue => 'art58'
MATCH (p:Proposal)-[:ON_ISSUE]->(i:Issue)
WHERE i.key STARTS WITH $issue
OPTIONAL MATCH (proposer:Actor)-[:PROPOSED]->(p)
OPTIONAL MATCH (s:Actor)-[rs:SUPPORTED]->(p) WHERE coalesce(rs.proposer, false) = false
WITH p, i, proposer, collect(DISTINCT s.code) AS supported_by
OPTIONAL MATCH (o:Actor)-[:OPPOSED]->(p)
WITH p, i, proposer, supported_by, collect(DISTINCT o.code) AS opposed_by
OPTIONAL MATCH (n:Actor)-[:NEUTRAL]->(p)
RETURN i.key AS issue, p.session AS session, p.date AS date, p.id AS proposal,
       p.option AS option, proposer.code AS proposer, supported_by, opposed_by,
       collect(DISTINCT n.code) AS neutral, p.source AS source
ORDER BY session, date, issue, proposal
