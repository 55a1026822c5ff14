// One lifecycle step ($from -> $to) under the node's write lock; `was` tells whether it applied.
MATCH (x:Experiment {id: $id})
SET x.touchedAt = datetime()
WITH x, x.status AS was
SET x.status = CASE WHEN was = $from THEN $to ELSE was END,
    x.startedAt = CASE WHEN was = $from AND $to = 'RUNNING' THEN datetime() ELSE x.startedAt END,
    x.stoppedAt = CASE WHEN was = $from AND $to = 'STOPPED' THEN datetime() ELSE x.stoppedAt END
RETURN was, x {.*} AS experiment
