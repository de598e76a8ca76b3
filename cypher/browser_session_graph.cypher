// name: browser_session_graph
// mode: read
// For the Neo4j Browser's graph view: one session's blocs (colored: each Bloc node carries a
// palette label Color0..Color7, styled by cypher/blocs.grass), their member states, and the
// proposals those states supported. Needs blocs stored by `blocs report --write`.
// params: session, method
// :param session => 'AHC-7'
// :param method => 'net'
MATCH (b:Bloc {session: $session, method: $method})<-[m:IN_BLOC]-(a:Actor)
OPTIONAL MATCH (a)-[r:SUPPORTED]->(p:Proposal {session: $session})
RETURN b, m, a, r, p
