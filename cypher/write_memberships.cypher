// name: write_memberships
// mode: write
// Links member states to their groups (EU, CARICOM, African Group, regional groups ...).
// params: rows
// :param rows => [{member: 'JAM', group: 'CARICOM'}]
UNWIND $rows AS row
MATCH (m:Actor {code: row.member}), (g:Group {code: row.group})
MERGE (m)-[:MEMBER_OF]->(g)
