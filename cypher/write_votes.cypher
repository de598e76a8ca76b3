// name: write_votes
// mode: write
// Writes recorded votes: a VOTED {vote: yes|no|abstain} edge from each actor to the roll call.
// params: rows
// :param rows => [{actor: 'USA', proposal: 'UNGA-RC-9087', vote: 'no', source: 'un_votes.csv.gz:12'}]
UNWIND $rows AS row
MATCH (a:Actor {code: row.actor}), (p:Proposal {id: row.proposal})
MERGE (a)-[r:VOTED]->(p)
SET r.vote = row.vote, r.source = row.source
