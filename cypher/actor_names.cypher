// name: actor_names
// Every actor's code and name as stored (names are returned verbatim, whatever they contain).
// params:
MATCH (a:Actor)
RETURN a.code AS code, a.name AS name, a.kind AS kind, a.region AS region
ORDER BY code
