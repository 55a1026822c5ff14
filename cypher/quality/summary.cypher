// Data-quality figures. Events per kind come from the count store (each event carries its kind as
// a label), so this does not grow with the number of events; the learner figures read every
// learner once (learners are far fewer than events).
CALL () { MATCH (e:Answer) RETURN count(e) AS answers }
CALL () { MATCH (e:Assignment) RETURN count(e) AS assignments }
CALL () { MATCH (e:ContentView) RETURN count(e) AS views }
WITH [k IN [{kind: 'ANSWER', count: answers}, {kind: 'ASSIGNMENT', count: assignments}, {kind: 'CONTENT_VIEW', count: views}] WHERE k.count > 0] AS byKind
CALL () { OPTIONAL MATCH (s:RejectionStat) WITH s ORDER BY s.code RETURN collect({code: s.code, count: s.count}) AS rejected }
CALL () { MATCH (l:Learner) RETURN count(l) AS learners, count(l.lastEventAt) AS active, max(l.lastEventAt) AS latest }
RETURN byKind, [r IN rejected WHERE r.code IS NOT NULL] AS rejected, latest, learners, learners - active AS silent
