// name: state_timeline
// mode: read
// A state's timeline across sessions: in each session, its bloc (when `blocs report --write`
// stored one, with the user's name for it when --names gave one) and how many proposals it supported, opposed or stayed neutral on.
// Counts are integers on both backends (FalkorDB sums to floats): hence toInteger(sum(...)).
// params: actor
// :param actor => 'USA'
// Example: where did the United States stand, session by session?
MATCH (a:Actor {code: $actor})
MATCH (s:Session)
OPTIONAL MATCH (a)-[r:SUPPORTED|OPPOSED|NEUTRAL]->(p:Proposal)-[:IN_SESSION]->(s)
WITH a, s,
     toInteger(sum(CASE WHEN type(r) = 'SUPPORTED' THEN 1 ELSE 0 END)) AS supported,
     toInteger(sum(CASE WHEN type(r) = 'OPPOSED' THEN 1 ELSE 0 END)) AS opposed,
     toInteger(sum(CASE WHEN type(r) = 'NEUTRAL' THEN 1 ELSE 0 END)) AS neutral
WHERE supported + opposed + neutral > 0
OPTIONAL MATCH (a)-[m:IN_BLOC]->(b:Bloc)-[:IN_SESSION]->(s)
RETURN s.id AS session, s.start AS start, supported, opposed, neutral,
       b.bloc AS bloc, b.label AS bloc_label, b.name AS bloc_name, b.method AS method, m.confidence AS confidence
ORDER BY start, method
