// name: positions
// mode: read
// Every stated position (support / oppose / neutral) of every actor, optionally in one session,
// with the proposal, its issue, and the source passage it was taken from.
// params: session
// :param session => 'AHC-7'
// Example: all positions of the concluding session; pass null for every session.
MATCH (a:Actor)-[r:SUPPORTED|OPPOSED|NEUTRAL]->(p:Proposal)
WHERE $session IS NULL OR p.session = $session
RETURN p.id AS event, p.session AS session, p.date AS date, p.issue AS issue,
       p.option AS option, a.code AS actor,
       CASE type(r) WHEN 'SUPPORTED' THEN 'support' WHEN 'OPPOSED' THEN 'oppose' ELSE 'neutral' END
         AS stance,
       coalesce(r.proposer, false) AS proposer, r.on_behalf_of AS on_behalf_of,
       r.source AS source
ORDER BY session, event, stance, actor
