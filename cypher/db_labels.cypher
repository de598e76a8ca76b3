// name: db_labels
// How many nodes carry each label.
// params:
MATCH (n)
UNWIND labels(n) AS label
RETURN label, count(*) AS nodes
ORDER BY label
