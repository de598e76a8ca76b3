// name: db_node_count
// mode: read
// How many nodes the graph holds (the embedded store asks it of a graph before keeping it
// for an undo: an empty graph, made by a read, is not worth keeping).
// params:
MATCH (n)
RETURN count(n) AS nodes
