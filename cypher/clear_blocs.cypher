// name: clear_blocs
// mode: write
// Removes the stored blocs (and their IN_BLOC edges) of the given sessions for one method,
// so that `blocs report --write` replaces an earlier result instead of adding to it.
// params: sessions, method
// :param sessions => ['AHC-7']
// :param method => 'net'
MATCH (b:Bloc)
WHERE b.session IN $sessions AND b.method = $method
DETACH DELETE b
