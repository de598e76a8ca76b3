// name: gds_project_agreement
// mode: gds
// Projects one window's agreement graph (computed in Python, the same graph the in-process
// engine uses) into the GDS catalog under $graph: one row per edge {a, b, w} with w the
// positive agreement weight, one row {a, b: null} per actor so isolated actors stay in.
// Neo4j with Graph Data Science only (blocs report --engine gds); read-only on the database.
// params: graph, rows
// :param graph => 'blocs-AHC-7'
// :param rows => [{a: 'USA', b: 'GBR', w: 0.9}, {a: 'RUS', b: null, w: null}]
UNWIND $rows AS row
MATCH (a:Actor {code: row.a})
OPTIONAL MATCH (b:Actor {code: row.b})
WITH gds.graph.project(
  $graph, a, b,
  {relationshipProperties: CASE WHEN b IS NULL THEN {} ELSE {weight: toFloat(row.w)} END},
  {undirectedRelationshipTypes: ['*']}
) AS g
RETURN g.graphName AS graph, g.nodeCount AS nodes, g.relationshipCount AS relationships
