// name: gds_leiden_runs
// mode: gds
// Runs GDS Leiden once per seed on a projected agreement graph (single-threaded, so a seed
// gives one answer) and returns every run's community of every actor, for the consensus.
// gamma is the modularity resolution, as in the in-process engine.
// Neo4j with Graph Data Science only (blocs report --engine gds); read-only on the database.
// params: graph, seeds, resolution
// :param graph => 'blocs-AHC-7'
// :param seeds => [0, 1, 2]
// :param resolution => 1.0
UNWIND $seeds AS seed
CALL gds.leiden.stream($graph, {
  relationshipWeightProperty: 'weight', randomSeed: seed, gamma: toFloat($resolution),
  concurrency: 1
})
YIELD nodeId, communityId
RETURN seed, gds.util.asNode(nodeId).code AS actor, communityId AS community
ORDER BY seed, actor
