// name: allies_in_session
// mode: read
// Closest allies and strongest opponents of one actor in one session, from stated positions:
// same side of a proposal = agreement; opposite sides, or support for competing options of one
// issue = disagreement. index = (agree - disagree) / (agree + disagree), from -1 to 1.
// Works on positions as stated (a group's statement counts for the group's speaker, not its
// members; `blocs state` expands groups to their members).
// params: actor, session
// :param actor => 'USA'
// :param session => 'AHC-7'
// Example: top of the list = closest allies; ORDER BY index ASC for the strongest opponents.
MATCH (a:Actor {code: $actor})
CALL {
  WITH a
  MATCH (a)-[ra:SUPPORTED|OPPOSED]->(p:Proposal {session: $session})<-[rb:SUPPORTED|OPPOSED]-(b:Actor)
  WHERE b <> a
  RETURN b, CASE WHEN type(ra) = type(rb) THEN 1 ELSE 0 END AS agree,
         CASE WHEN type(ra) <> type(rb) THEN 1 ELSE 0 END AS disagree
  UNION ALL
  WITH a
  MATCH (a)-[:SUPPORTED]->(p:Proposal {session: $session})-[:ON_ISSUE]->(:Issue)
        <-[:ON_ISSUE]-(q:Proposal {session: $session})<-[:SUPPORTED]-(b:Actor)
  WHERE p <> q AND b <> a
  RETURN b, 0 AS agree, 1 AS disagree
}
WITH b, sum(agree) AS agreements, sum(disagree) AS disagreements
RETURN b.code AS actor, b.name AS name, agreements, disagreements,
       round(1000.0 * (agreements - disagreements) / (agreements + disagreements)) / 1000.0
         AS agreement_index
ORDER BY agreement_index DESC, agreements DESC, actor
