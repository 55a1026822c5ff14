import type { ApolloServerPlugin } from "@apollo/server";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Context } from "./context.js";

/** Prometheus metrics of one server process, served on /metrics. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "frontier_" });
  const httpDuration = new Histogram({
    name: "frontier_http_request_duration_seconds",
    help: "HTTP request duration by route and status.",
    labelNames: ["method", "route", "status"],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const operations = new Counter({
    name: "frontier_graphql_operations_total",
    help: "GraphQL operations by type, name and outcome.",
    labelNames: ["type", "name", "outcome"],
    registers: [registry],
  });
  const errors = new Counter({
    name: "frontier_graphql_errors_total",
    help: "GraphQL errors by extensions.code.",
    labelNames: ["code"],
    registers: [registry],
  });
  const wsConnections = new Counter({
    name: "frontier_ws_connections_total",
    help: "WebSocket connections by outcome (accepted, rejected).",
    labelNames: ["outcome"],
    registers: [registry],
  });

  const evidence = new Counter({
    name: "frontier_evidence_statements_total",
    help: "xAPI statements and Caliper events received, by format and outcome (ACCEPTED, DUPLICATE, NOT_EVIDENCE).",
    labelNames: ["format", "status"],
    registers: [registry],
  });

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, operationName, errors: errs }) {
          operations.inc({ type: operation?.operation ?? "unknown", name: operationName ?? "anonymous", outcome: errs?.length ? "error" : "ok" });
        },
        async didEncounterErrors({ errors: errs }) {
          for (const e of errs) errors.inc({ code: String(e.extensions?.code ?? "INTERNAL_SERVER_ERROR") });
        },
      };
    },
  };
  return { registry, httpDuration, wsConnections, evidence, plugin };
}

export type Metrics = ReturnType<typeof createMetrics>;

/** Gauges read from in-process counters when /metrics is scraped: [name, help, read]. */
export function addGauges(metrics: Pick<Metrics, "registry">, gauges: ReadonlyArray<readonly [string, string, () => number]>): void {
  for (const [name, help, read] of gauges) {
    new Gauge({ name, help, registers: [metrics.registry], collect() { this.set(read()); } });
  }
}

/** What the drift gauges read: per source, each feature's PSI, whether it drifted, the calibration shift. */
export interface DriftFigures {
  sources: ReadonlyArray<{ source: string; drifted: boolean; calibrationShift: number | null; features: ReadonlyArray<{ feature: string; psi: number | null }> }>;
}

/**
 * Drift gauges (dataQuality.drift's figures, default windows). A scrape never waits for them: it
 * answers the last figures and, when they are older than `ttlMs`, starts one computation in the
 * background (it reads every event of the windows: seconds on a large database). `read` goes
 * through the drift monitor, which raises `driftDetected` and logs a warning when a feature newly
 * drifts (Prometheus can alert on `frontier_drift_drifted == 1` as well).
 */
export function addDriftGauges(metrics: Pick<Metrics, "registry">, read: () => Promise<DriftFigures>, ttlMs = 60_000): void {
  let cached: { at: number; figures: DriftFigures } | null = null;
  let pending: Promise<DriftFigures | null> | null = null;
  const current = (): DriftFigures | null => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.figures;
    pending ??= read()
      .then((figures) => {
        cached = { at: Date.now(), figures };
        return figures;
      })
      .catch(() => cached?.figures ?? null)
      .finally(() => (pending = null));
    return cached?.figures ?? null;
  };
  new Gauge({
    name: "frontier_drift_psi",
    help: "Population stability index of each feature of each source's events, last 7 days against the 28 before (DRIFT_RECENT_DAYS, DRIFT_BASELINE_DAYS).",
    labelNames: ["source", "feature"],
    registers: [metrics.registry],
    collect() {
      const f = current();
      if (!f) return;
      this.reset();
      for (const s of f.sources) for (const x of s.features) if (x.psi !== null) this.set({ source: s.source, feature: x.feature }, x.psi);
    },
  });
  new Gauge({
    name: "frontier_drift_drifted",
    help: "1 when some feature of the source drifted (PSI >= 0.25), else 0.",
    labelNames: ["source"],
    registers: [metrics.registry],
    collect() {
      const f = current();
      if (!f) return;
      this.reset();
      for (const s of f.sources) this.set({ source: s.source }, s.drifted ? 1 : 0);
    },
  });
  new Gauge({
    name: "frontier_calibration_shift",
    help: "The model's (mean predicted - observed) in the recent window minus the same in the baseline, per source: when to refit.",
    labelNames: ["source"],
    registers: [metrics.registry],
    collect() {
      const f = current();
      if (!f) return;
      this.reset();
      for (const s of f.sources) if (s.calibrationShift !== null) this.set({ source: s.source }, s.calibrationShift);
    },
  });
}
