// name: write_sessions
// mode: write
// Writes negotiating sessions (AHC-1 ... AHC-7R) and General Assembly sessions (UNGA-74 ...).
// Dates only widen: a file with part of a session's roll calls never narrows its date range.
// params: rows
// :param rows => [{id: 'AHC-7', name: 'Concluding session', start: '2024-01-29', end: '2024-02-09', venue: 'New York', body: 'AHC'}]
UNWIND $rows AS row
MERGE (s:Session {id: row.id})
SET s.name = row.name, s.venue = row.venue, s.body = row.body,
    s.start = CASE WHEN s.start IS NULL OR row.start < s.start THEN row.start ELSE s.start END,
    s.end = CASE WHEN s.end IS NULL OR row.end > s.end THEN row.end ELSE s.end END
