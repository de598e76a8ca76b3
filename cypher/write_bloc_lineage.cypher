// name: write_bloc_lineage
// mode: write
// Links a bloc to the same (tracked) bloc in the next session: (:Bloc)-[:SUCCEEDED_BY]->(:Bloc).
// params: rows
// :param rows => [{source: 'net/AHC-5/1', target: 'net/AHC-7/1', jaccard: 0.7}]
UNWIND $rows AS row
MATCH (a:Bloc {id: row.source}), (b:Bloc {id: row.target})
MERGE (a)-[r:SUCCEEDED_BY]->(b)
SET r.jaccard = row.jaccard
