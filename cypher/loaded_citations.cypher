// name: loaded_citations
// mode: read
// Every loaded proposal with a character-offset citation: its id, source file, [start, end) and
// the dataset (file) that loaded it. A new load checks these so a passage already loaded from
// one source (a curated file or a report) is not counted twice (`blocs load --allow-overlap`).
// params:
MATCH (p:Proposal)
WHERE p.char_start IS NOT NULL AND p.char_end IS NOT NULL
RETURN p.id AS id, p.source_file AS file, p.char_start AS start, p.char_end AS end,
       p.dataset AS dataset
ORDER BY file, start, id
