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
