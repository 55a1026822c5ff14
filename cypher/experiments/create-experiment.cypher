// A new experiment, always DRAFT. The id constraint turns a duplicate into CONFLICT.
CREATE (x:Experiment {
  id: $id, name: $name, hypothesis: $hypothesis, status: 'DRAFT', unit: $unit,
  variants: $variants, eligibility: $eligibility, primaryMetric: $primaryMetric, secondaryMetrics: $secondaryMetrics,
  windowDays: $windowDays, startAt: $startAt, stopAt: $stopAt, createdAt: datetime(), updatedAt: datetime()
})
RETURN x {.*} AS experiment
