// name: write_blocs
// mode: write
// Stores blocs found by `blocs report --write`: one (:Bloc) per session and bloc, with its
// stable id across sessions (`bloc`), label, the user's name for it (`--names`, null when
// none), cohesion and the parameters that produced it, and a palette label Color0..Color7
// (bloc mod 8) that cypher/blocs.grass colors in the Browser.
// params: rows
// :param rows => [{id: 'net/AHC-7/1', session: 'AHC-7', bloc: 1, label: 'USA, GBR + WEOG', name: 'Western camp', method: 'net', resolution: 1.0, seed: 0, runs: 100, cohesion: 0.8, size: 30, modularity: 0.3, zscore: 5.0}]
UNWIND $rows AS row
MATCH (s:Session {id: row.session})
MERGE (b:Bloc {id: row.id})
SET b.session = row.session, b.bloc = row.bloc, b.label = row.label, b.name = row.name,
    b.method = row.method,
    b.resolution = row.resolution, b.seed = row.seed, b.runs = row.runs,
    b.cohesion = row.cohesion, b.size = row.size, b.modularity = row.modularity,
    b.zscore = row.zscore
MERGE (b)-[:IN_SESSION]->(s)
FOREACH (_ IN CASE WHEN row.bloc % 8 = 0 THEN [1] ELSE [] END | SET b:Color0)
FOREACH (_ IN CASE WHEN row.bloc % 8 = 1 THEN [1] ELSE [] END | SET b:Color1)
FOREACH (_ IN CASE WHEN row.bloc % 8 = 2 THEN [1] ELSE [] END | SET b:Color2)
FOREACH (_ IN CASE WHEN row.bloc % 8 = 3 THEN [1] ELSE [] END | SET b:Color3)
FOREACH (_ IN CASE WHEN row.bloc % 8 = 4 THEN [1] ELSE [] END | SET b:Color4)
FOREACH (_ IN CASE WHEN row.bloc % 8 = 5 THEN [1] ELSE [] END | SET b:Color5)
FOREACH (_ IN CASE WHEN row.bloc % 8 = 6 THEN [1] ELSE [] END | SET b:Color6)
FOREACH (_ IN CASE WHEN row.bloc % 8 = 7 THEN [1] ELSE [] END | SET b:Color7)
