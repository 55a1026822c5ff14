MATCH (x:Experiment)
WHERE $status IS NULL OR x.status = $status
RETURN x {.*} AS experiment
ORDER BY x.createdAt DESC, x.id
LIMIT toInteger($limit)
