// Events written before version 004 get their kind as a label (:Answer, :Assignment,
// :ContentView), which the data-quality counts read from the count store. Runs at every start;
// the first three counts come from the count store, so when every event is labelled (the usual
// case) nothing is scanned. Otherwise the unlabelled events are labelled 10,000 per transaction.
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH (e:Answer) RETURN count(e) AS answers }
CALL () { MATCH (e:Assignment) RETURN count(e) AS assignments }
CALL () { MATCH (e:ContentView) RETURN count(e) AS views }
WITH events - answers - assignments - views AS unlabelled
WHERE unlabelled > 0
MATCH (e:Event)
WHERE NOT e:Answer AND NOT e:Assignment AND NOT e:ContentView
CALL (e) {
  FOREACH (_ IN CASE e.kind WHEN 'ANSWER' THEN [1] ELSE [] END | SET e:Answer)
  FOREACH (_ IN CASE e.kind WHEN 'ASSIGNMENT' THEN [1] ELSE [] END | SET e:Assignment)
  FOREACH (_ IN CASE e.kind WHEN 'CONTENT_VIEW' THEN [1] ELSE [] END | SET e:ContentView)
} IN TRANSACTIONS OF 10000 ROWS
