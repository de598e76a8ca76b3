// name: allies_in_session
// mode: read
// Closest allies and strongest opponents of one actor in one session, from stated positions,
// by the projection's rules (the same numbers as `blocs state ACTOR --session SESSION`):
// same side of a proposal = agreement, opposite sides = disagreement, a neutral position is
// presence without a side; backing only different options of one issue = one disagreement per
// issue. shared = proposals both took a position on, plus issues with competing options both
// spoke on. index = (agree - disagree) / (agree + disagree), from -1 to 1.
// Works on positions as stated: a group's statement counts for the group's speaker (and the
// group as an actor), not its members (`blocs state --expand-groups` attributes it to them).
// Ranked like `blocs state`: by index, then by how many proposals back it, then by code.
// params: actor, session
// :param actor => 'USA'
// :param session => 'AHC-7'
// Example: top of the list = closest allies; ORDER BY agreement_index ASC for the opponents.
MATCH (a:Actor {code: $actor})
CALL {
  WITH a
  MATCH (a)-[ra:SUPPORTED|OPPOSED|NEUTRAL]->(p:Proposal {session: $session})
        <-[rb:SUPPORTED|OPPOSED|NEUTRAL]-(b:Actor)
  WHERE b <> a
  WITH b, type(ra) AS ta, type(rb) AS tb
  RETURN b, CASE WHEN ta = tb AND ta <> 'NEUTRAL' THEN 1 ELSE 0 END AS agree,
         CASE WHEN ta <> tb AND ta <> 'NEUTRAL' AND tb <> 'NEUTRAL' THEN 1 ELSE 0 END
           AS disagree,
         1 AS shared
  UNION ALL
  WITH a
  MATCH (a)-[:SUPPORTED|OPPOSED|NEUTRAL]->(:Proposal {session: $session})-[:ON_ISSUE]->(i:Issue)
  WITH DISTINCT a, i
  MATCH (:Actor)-[:SUPPORTED|OPPOSED|NEUTRAL]->(o:Proposal {session: $session})-[:ON_ISSUE]->(i)
  WITH a, i, count(DISTINCT o) AS options
  WHERE options > 1
  MATCH (b:Actor)-[:SUPPORTED|OPPOSED|NEUTRAL]->(:Proposal {session: $session})-[:ON_ISSUE]->(i)
  WHERE b <> a
  WITH DISTINCT a, b, i
  OPTIONAL MATCH (a)-[:SUPPORTED]->(pa:Proposal {session: $session})-[:ON_ISSUE]->(i)
  WITH a, b, i, collect(DISTINCT pa.id) AS mine
  OPTIONAL MATCH (b)-[:SUPPORTED]->(pb:Proposal {session: $session})-[:ON_ISSUE]->(i)
  WITH b, i, mine, collect(DISTINCT pb.id) AS theirs
  RETURN b, 0 AS agree,
         CASE WHEN size(mine) > 0 AND size(theirs) > 0
                   AND size([x IN mine WHERE x IN theirs]) = 0 THEN 1 ELSE 0 END AS disagree,
         1 AS shared
}
WITH b, sum(agree) AS agreements, sum(disagree) AS disagreements, sum(shared) AS shared
RETURN b.code AS actor, b.name AS name, agreements, disagreements, shared,
       CASE WHEN agreements + disagreements > 0
            THEN round(1000.0 * (agreements - disagreements) / (agreements + disagreements))
                 / 1000.0
            ELSE 0.0 END AS agreement_index
ORDER BY agreement_index DESC, agreements + disagreements DESC, actor
