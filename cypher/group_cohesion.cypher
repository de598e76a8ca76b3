// name: group_cohesion
// mode: read
// How cohesive a group is (EU, AFRICAN_GROUP, CARICOM, ARAB_GROUP ...): of its members' own
// positions on proposals where the group spoke (the group itself, or a state on its behalf),
// the share on the same side as the group's speaker. `session` may be null for all sessions.
// Counts are integers on both backends (FalkorDB sums to floats): hence toInteger(sum(...)).
// params: group, session
// :param group => 'EU'
// :param session => null
MATCH (g:Group {code: $group})
MATCH (speaker:Actor)-[rs:SUPPORTED|OPPOSED]->(p:Proposal)
WHERE (speaker = g OR rs.on_behalf_of = $group) AND ($session IS NULL OR p.session = $session)
MATCH (m:Actor)-[:MEMBER_OF]->(g)
MATCH (m)-[rm:SUPPORTED|OPPOSED|NEUTRAL]->(p)
WHERE m <> speaker
WITH g, p, m, rm, rs
WITH g, count(DISTINCT p) AS proposals, count(*) AS member_positions,
     toInteger(sum(CASE WHEN type(rm) = type(rs) THEN 1 ELSE 0 END)) AS agreeing,
     collect(DISTINCT CASE WHEN type(rm) <> type(rs) THEN m.code END) AS dissenters
RETURN g.code AS group, g.name AS name, proposals, member_positions, agreeing,
       round(1000.0 * agreeing / member_positions) / 1000.0 AS cohesion, dissenters
