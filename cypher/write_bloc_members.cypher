// name: write_bloc_members
// mode: write
// Stores bloc membership: (:Actor)-[:IN_BLOC {confidence, session}]->(:Bloc).
// params: rows
// :param rows => [{actor: 'USA', bloc: 'net/AHC-7/1', confidence: 0.98, session: 'AHC-7'}]
UNWIND $rows AS row
MATCH (a:Actor {code: row.actor}), (b:Bloc {id: row.bloc})
MERGE (a)-[r:IN_BLOC]->(b)
SET r.confidence = row.confidence, r.session = row.session
