// name: gds_drop
// mode: gds
// Drops a projected agreement graph from the GDS catalog (no error if it is already gone).
// Neo4j with Graph Data Science only; read-only on the database.
// params: graph
// :param graph => 'blocs-AHC-7'
CALL gds.graph.drop($graph, false) YIELD graphName
RETURN graphName AS graph
