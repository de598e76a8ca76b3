// name: actor_names
// mode: read
// Every actor's code and name as stored (names are returned verbatim, whatever they contain),
// its kind (state, observer, group, historical), UN regional group and, for a historical
// member, its successor state.
// params:
MATCH (a:Actor)
RETURN a.code AS code, a.name AS name, a.kind AS kind, a.region AS region,
       a.successor AS successor
ORDER BY code
