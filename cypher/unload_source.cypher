// name: unload_source
// mode: write
// Removes one source's proposals with every position, vote and proposal edge on them, then the
// issues no proposal is left on. Actors, groups and sessions stay (other sources share them).
// params: dataset
// :param dataset => '004_convention_update.yaml'
MATCH (p:Proposal {dataset: $dataset})
DETACH DELETE p
WITH count(*) AS removed
MATCH (i:Issue)
OPTIONAL MATCH (i)<-[:ON_ISSUE]-(q:Proposal)
WITH i, count(q) AS proposals
WHERE proposals = 0
DETACH DELETE i
