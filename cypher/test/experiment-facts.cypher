// What an experiment stored, read directly: its decisions and its exposure log.
MATCH (x:Experiment {id: $id})
RETURN x.status AS status,
  COLLECT { MATCH (a:Assignment {experimentId: $id}) RETURN a {.learnerId, .unitId, .variant, .excluded, at: a.at.epochMillis} ORDER BY a.learnerId } AS decisions,
  COLLECT { MATCH (e:Exposure {experimentId: $id}) RETURN e {.learnerId, .variant, .conceptIds, at: e.at.epochMillis} ORDER BY e.at, e.learnerId } AS exposures
