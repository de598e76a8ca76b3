// name: roll_call_tally
// mode: read
// Yes / no / abstain counts of a recorded vote: one roll call by its id, or every roll call on a
// resolution (as the source writes it, 'R/73/187', or, from session 31 on, as its symbol
// 'A/RES/73/187'); both null: every roll call.
// params: roll_call, resolution
// :param roll_call => 'UNGA-RC-9087'
// :param resolution => null
// A roll call or resolution with no recorded votes gives one row of zeros (roll_call null).
OPTIONAL MATCH (p:Proposal {kind: 'vote'})
WHERE ($roll_call IS NULL OR p.id = $roll_call)
  AND ($resolution IS NULL OR p.title = $resolution
       OR p.issue = 'unga-' + toLower(replace($resolution, '/', '-'))
       OR ($resolution STARTS WITH 'R/'
           AND p.issue = 'unga-a-res-' + toLower(replace(substring($resolution, 2), '/', '-'))))
OPTIONAL MATCH (:Actor)-[r:VOTED]->(p)
WITH p, count(CASE WHEN r.vote = 'yes' THEN 1 END) AS yes,
     count(CASE WHEN r.vote = 'no' THEN 1 END) AS no,
     count(CASE WHEN r.vote = 'abstain' THEN 1 END) AS abstain, count(r) AS total
RETURN p.id AS roll_call, p.title AS resolution, p.session AS session, p.date AS date,
       p.option AS title, yes, no, abstain, total
ORDER BY date, roll_call
