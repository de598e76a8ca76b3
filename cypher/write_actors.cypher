// name: write_actors
// mode: write
// Writes actors (states, observers, historical members as :State; groups as :Group), by code.
// params: rows
// :param rows => [{code: 'LIE', name: 'Liechtenstein', kind: 'state', region: 'WEOG', successor: null}]
UNWIND $rows AS row
MERGE (a:Actor {code: row.code})
SET a.name = row.name, a.kind = row.kind, a.region = row.region, a.successor = row.successor
FOREACH (_ IN CASE WHEN row.kind = 'group' THEN [1] ELSE [] END | SET a:Group)
FOREACH (_ IN CASE WHEN row.kind <> 'group' THEN [1] ELSE [] END | SET a:State)
