// Replaces a DRAFT experiment's definition. The node is write-locked first (updatedAt), so a
// concurrent start cannot slip between the status check and the write; a non-draft is returned
// unchanged (the service answers CONFLICT).
MATCH (x:Experiment {id: $id})
SET x.touchedAt = datetime()
WITH x
CALL (x) {
  WITH x WHERE x.status = 'DRAFT'
  SET x.name = $name, x.hypothesis = $hypothesis, x.unit = $unit, x.variants = $variants, x.eligibility = $eligibility,
      x.primaryMetric = $primaryMetric, x.secondaryMetrics = $secondaryMetrics, x.windowDays = $windowDays,
      x.startAt = $startAt, x.stopAt = $stopAt, x.updatedAt = datetime()
}
RETURN x {.*} AS experiment
