// name: db_labels
// mode: read
// How many nodes carry each label.
// params:
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
