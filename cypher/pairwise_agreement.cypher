// name: pairwise_agreement
// mode: read
// Agreements and disagreements of every pair of actors in one session, computed in the
// database: same side of a proposal agrees, opposite sides disagree, and backing only different
// options of one issue disagrees once per issue (the projection's rules, on stated positions as
// stated, groups not expanded). Used by bench/projection_vs_cypher.py to check the sparse
// projection; in the Browser it lists the most (dis)agreeing pairs.
// Counts are integers on both backends (FalkorDB sums to floats): hence toInteger(sum(...)).
// `CALL { WITH ... }` is kept although Neo4j 5.23+ prefers `CALL (x) { ... }`: FalkorDB parses
// only the older form, and both backends must run the same text.
// params: session
// :param session => 'AHC-7'
CALL {
  MATCH (a:Actor)-[ra:SUPPORTED|OPPOSED]->(p:Proposal {session: $session})
        <-[rb:SUPPORTED|OPPOSED]-(b:Actor)
  WHERE a.code < b.code
  RETURN a.code AS x, b.code AS y, CASE WHEN type(ra) = type(rb) THEN 1 ELSE 0 END AS agree,
         CASE WHEN type(ra) <> type(rb) THEN 1 ELSE 0 END AS disagree
  UNION ALL
  MATCH (a:Actor)-[:SUPPORTED]->(p:Proposal {session: $session})-[:ON_ISSUE]->(i:Issue)
  WITH a, i, collect(p.id) AS mine
  MATCH (b:Actor)-[:SUPPORTED]->(q:Proposal {session: $session})-[:ON_ISSUE]->(i)
  WHERE a.code < b.code
  WITH a.code AS x, b.code AS y, i, mine, collect(q.id) AS theirs
  WITH x, y, i, size([option IN mine WHERE option IN theirs]) AS shared
  WHERE shared = 0
  RETURN x, y, 0 AS agree, count(i) AS disagree
}
WITH x, y, toInteger(sum(agree)) AS agreements, toInteger(sum(disagree)) AS disagreements
RETURN x, y, agreements, disagreements
ORDER BY x, y
