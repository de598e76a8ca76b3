// name: write_sessions
// Writes negotiating sessions (AHC-1 ... AHC-7R) and General Assembly sessions (UNGA-74 ...).
// params: rows
// :param rows => [{id: 'AHC-7', name: 'Concluding session', start: '2024-01-29', end: '2024-02-09', venue: 'New York', body: 'AHC'}]
UNWIND $rows AS row
MERGE (s:Session {id: row.id})
SET s.name = row.name, s.start = row.start, s.end = row.end, s.venue = row.venue, s.body = row.body
