UNWIND $ids AS id
MATCH (x:Experiment {id: id})
RETURN x {.*} AS experiment
