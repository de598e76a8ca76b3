// name: write_proposals
// mode: write
// Writes proposals (an option of an issue, or a roll call) with their issue, session and source;
// roll calls of the General Assembly carry their topics (codes: me, nu, di, hr, co, ec).
// params: rows
// :param rows => [{id: 'r001-x', session: 'AHC-7', issue: 'art58-secretariat', option: 'Name the Secretary-General', kind: 'position', date: '2024-01-31', title: null, source: '001.txt:1-2', source_file: '001.txt', char_start: 1, char_end: 2, locator: null, text: null, dataset: 'x.yaml', topics: null}]
UNWIND $rows AS row
MATCH (s:Session {id: row.session})
MERGE (i:Issue {key: row.issue})
MERGE (p:Proposal {id: row.id})
SET p.session = row.session, p.issue = row.issue, p.option = row.option, p.kind = row.kind,
    p.date = row.date, p.title = row.title, p.source = row.source, p.source_file = row.source_file,
    p.char_start = row.char_start, p.char_end = row.char_end, p.locator = row.locator,
    p.text = row.text,
    p.dataset = row.dataset, p.topics = row.topics
MERGE (p)-[:IN_SESSION]->(s)
MERGE (p)-[:ON_ISSUE]->(i)
