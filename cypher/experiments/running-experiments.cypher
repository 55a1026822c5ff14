// Every running experiment, the earliest started first (the order in which they claim a learner).
MATCH (x:Experiment {status: 'RUNNING'})
RETURN x {.*} AS experiment
ORDER BY x.startedAt, x.id
