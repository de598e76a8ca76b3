// name: reset
// mode: write
// Deletes every node and relationship (Neo4j; the embedded store drops its graph instead).
// params:
MATCH (n)
DETACH DELETE n
