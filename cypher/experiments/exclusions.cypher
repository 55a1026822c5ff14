MATCH (a:Assignment {experimentId: $id})
WHERE a.excluded IS NOT NULL
RETURN a.excluded AS reason, count(*) AS learners
ORDER BY reason
