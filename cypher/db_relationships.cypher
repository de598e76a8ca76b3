// name: db_relationships
// mode: read
// How many relationships there are of each type.
// params:
MATCH ()-[r]->()
RETURN type(r) AS type, count(*) AS relationships
ORDER BY type
