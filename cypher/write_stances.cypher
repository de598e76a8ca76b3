// name: write_stances
// mode: write
// Writes SUPPORTED / OPPOSED / NEUTRAL edges from actors to proposals, each with its source.
// params: rows
// :param rows => [{actor: 'CHE', proposal: 'r001-x', stance: 'support', proposer: false, on_behalf_of: null, date: '2024-01-30', source: '001.txt:1-2', source_file: '001.txt', char_start: 1, char_end: 2, dataset: 'x.yaml'}]
UNWIND $rows AS row
MATCH (a:Actor {code: row.actor}), (p:Proposal {id: row.proposal})
FOREACH (_ IN CASE WHEN row.stance = 'support' THEN [1] ELSE [] END |
  MERGE (a)-[r:SUPPORTED]->(p)
  SET r.proposer = row.proposer, r.on_behalf_of = row.on_behalf_of, r.date = row.date,
      r.source = row.source, r.source_file = row.source_file, r.char_start = row.char_start,
      r.char_end = row.char_end, r.dataset = row.dataset)
FOREACH (_ IN CASE WHEN row.stance = 'oppose' THEN [1] ELSE [] END |
  MERGE (a)-[r:OPPOSED]->(p)
  SET r.proposer = row.proposer, r.on_behalf_of = row.on_behalf_of, r.date = row.date,
      r.source = row.source, r.source_file = row.source_file, r.char_start = row.char_start,
      r.char_end = row.char_end, r.dataset = row.dataset)
FOREACH (_ IN CASE WHEN row.stance = 'neutral' THEN [1] ELSE [] END |
  MERGE (a)-[r:NEUTRAL]->(p)
  SET r.proposer = row.proposer, r.on_behalf_of = row.on_behalf_of, r.date = row.date,
      r.source = row.source, r.source_file = row.source_file, r.char_start = row.char_start,
      r.char_end = row.char_end, r.dataset = row.dataset)
