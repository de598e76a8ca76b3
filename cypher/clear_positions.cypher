// name: clear_positions
// mode: write
// Removes the stated positions on the given proposals, so that reloading a dataset replaces
// them instead of keeping sides that the new version no longer lists.
// params: ids
// :param ids => ['r001-art1-technology-transfer']
UNWIND $ids AS id
MATCH (:Actor)-[r:SUPPORTED|OPPOSED|NEUTRAL|PROPOSED]->(:Proposal {id: id})
DELETE r
