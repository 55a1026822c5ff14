import { compare, sampleRatio, summarise, type Comparison, type SampleRatio, type Summary } from "./stats.js";
import { METRICS, type Metric, type UnitOutcome } from "./outcomes.js";

export interface VariantResult extends Summary {
  variant: string;
  /** Against the first (control) variant; null for the control itself. */
  comparison: Comparison | null;
}

export interface MetricResult {
  metric: Metric;
  variants: VariantResult[];
}

/**
 * One metric's read-out: a summary per variant (in the definition's order), each later variant
 * compared with the first by Welch's t-test (docs/experiments.md).
 */
export function analyseMetric(variantKeys: readonly string[], units: readonly UnitOutcome[], metric: Metric, level = 0.95): MetricResult {
  const summaries = variantKeys.map((k) => summarise(units.filter((u) => u.variant === k).map((u) => u.outcome[metric])));
  const control = summaries[0] ?? summarise([]);
  return {
    metric,
    variants: variantKeys.map((variant, i) => {
      const s = summaries[i] as Summary;
      return { variant, ...s, comparison: i === 0 ? null : compare(control, s, level) };
    }),
  };
}

/** The sample-ratio check on the number of units assigned to each variant. */
export function assignmentCheck(variants: ReadonlyArray<{ key: string; weight: number }>, assignedUnits: ReadonlyArray<{ variant: string }>): SampleRatio {
  return sampleRatio(
    variants.map((v) => assignedUnits.filter((u) => u.variant === v.key).length),
    variants.map((v) => v.weight),
  );
}

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Per-unit condition and outcome as CSV (RFC 4180), one row per unit, for analysis elsewhere. */
export function outcomesCsv(units: readonly UnitOutcome[]): string {
  const header = ["unit_id", "variant", "learners", ...METRICS.map((m) => m.toLowerCase())].join(",");
  const rows = units.map((u) => [csvField(u.unitId), csvField(u.variant), String(u.learners), ...METRICS.map((m) => String(u.outcome[m]))].join(","));
  return [header, ...rows].join("\n") + "\n";
}
