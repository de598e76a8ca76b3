// name: write_proposed
// mode: write
// Writes PROPOSED edges from the proposing actor to its proposal.
// params: rows
// :param rows => [{actor: 'SGP', proposal: 'r001-x', on_behalf_of: null, source: '001.txt:1-2'}]
UNWIND $rows AS row
MATCH (a:Actor {code: row.actor}), (p:Proposal {id: row.proposal})
MERGE (a)-[r:PROPOSED]->(p)
SET r.on_behalf_of = row.on_behalf_of, r.source = row.source
