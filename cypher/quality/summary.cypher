CALL () { MATCH (e:Event) RETURN e.kind AS kind, count(*) AS n ORDER BY kind }
WITH collect({kind: kind, count: n}) AS byKind
CALL () { OPTIONAL MATCH (s:RejectionStat) WITH s ORDER BY s.code RETURN collect({code: s.code, count: s.count}) AS rejected }
CALL () { MATCH (l:Learner) WHERE l.lastEventAt IS NOT NULL RETURN max(l.lastEventAt) AS latest }
CALL () { MATCH (l:Learner) RETURN count(l) AS learners, count(CASE WHEN l.lastEventAt IS NULL THEN 1 END) AS silent }
RETURN byKind, [r IN rejected WHERE r.code IS NOT NULL] AS rejected, latest, learners, silent
