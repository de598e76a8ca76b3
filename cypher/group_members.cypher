// name: group_members
// mode: read
// Which states belong to each group (EU, CARICOM, African Group, regional groups ...).
// params:
MATCH (m:Actor)-[:MEMBER_OF]->(g:Group)
WITH g, m ORDER BY m.code
RETURN g.code AS group, g.name AS name, collect(m.code) AS members
ORDER BY group
