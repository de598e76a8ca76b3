// name: bridge_actors
// mode: read
// Bridge actors of a session: those who take the same side as members of two or more blocs
// (at least `min_agreements` times with each). Needs blocs stored by `blocs report --write`.
// params: session, method, min_agreements
// :param session => 'AHC-7'
// :param method => 'net'
// :param min_agreements => 3
MATCH (a:Actor)-[ra:SUPPORTED|OPPOSED]->(p:Proposal {session: $session})
      <-[rb:SUPPORTED|OPPOSED]-(b:Actor)-[:IN_BLOC]->(bl:Bloc {session: $session, method: $method})
WHERE a <> b AND type(ra) = type(rb)
WITH a, bl, count(*) AS agreements
WHERE agreements >= $min_agreements
WITH a, count(bl) AS blocs_reached,
     collect(bl.label + ' (' + toString(agreements) + ')') AS agreements_by_bloc
WHERE blocs_reached >= 2
OPTIONAL MATCH (a)-[m:IN_BLOC]->(own:Bloc {session: $session, method: $method})
RETURN a.code AS actor, a.name AS name, own.bloc AS own_bloc, m.confidence AS confidence,
       blocs_reached, agreements_by_bloc
ORDER BY blocs_reached DESC, actor
