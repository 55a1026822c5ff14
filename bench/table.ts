/** The readable table of a run (stdout). */
import type { Results } from "./report.js";
import type { RunFigures } from "./scenarios/common.js";

const n = (x: number | null | undefined) => (x === null || x === undefined ? "-" : x.toLocaleString("en", { maximumFractionDigits: 2 }));
const lat = (f: { p50Ms: number | null; p99Ms: number | null }) => `${n(f.p50Ms)} / ${n(f.p99Ms)} ms`;
const errs = (f: Pick<RunFigures, "errors" | "errorCodes">) => (f.errors === 0 ? "0" : `${f.errors} (${Object.entries(f.errorCodes ?? {}).map(([code, k]) => `${code} ${k}`).join(", ")})`);

function render(rows: string[][]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd()).join("\n");
}

export function table(r: Results): string {
  const { scenarios: s, machine: m, scale } = r;
  const target = (scenario: object | null, metric: string) => {
    const t = (scenario as { targets?: Record<string, string> } | null)?.targets?.[metric];
    return t ?? "";
  };
  const rows: string[][] = [["scenario", "measure", "value", "target"]];
  const r0 = s.recommendations;
  if (r0) {
    for (const [k, f] of Object.entries(r0.byConcurrency)) {
      rows.push(["recommendations", `${k.padStart(2)} client${k === "1" ? " " : "s"}: p50 / p99, req/s`, `${lat(f)}, ${n(f.perSecond)}/s`, k === "32" ? target(r0, "p99Ms") : ""]);
    }
    rows.push(["", "bare Cypher (32 sessions): p50 / p99", `${n(r0.rawCypherP50Ms)} / ${n(r0.rawCypherP99Ms)} ms`, ""]);
    rows.push(["", "p99 / bare Cypher p99", `${n(r0.ratioToRawCypher)}x`, target(r0, "ratioToRawCypher")]);
    if (r0.readPathCypherP99Ms !== undefined) {
      rows.push(["", "read path's Cypher alone (32 sessions): p50 / p99, req/s", `${n(r0.readPathCypherP50Ms)} / ${n(r0.readPathCypherP99Ms)} ms, ${n(r0.readPathCypherPerSecond)}/s`, ""]);
      if (r0.transportFloorP99Ms !== undefined) rows.push(["", "transport floor, { __typename } (32 clients): p50 / p99, req/s", `${n(r0.transportFloorP50Ms)} / ${n(r0.transportFloorP99Ms)} ms, ${n(r0.transportFloorPerSecond)}/s`, ""]);
      rows.push(["", "p99 / read path's Cypher p99", `${n(r0.ratioToReadPathCypher)}x`, target(r0, "ratioToReadPathCypher")]);
      rows.push(["", "throughput / full traversal's", `${n(r0.speedupVsTraversal)}x`, target(r0, "speedupVsTraversal")]);
    }
  }
  if (s.learningPath) {
    for (const [d, f] of Object.entries(s.learningPath.byDepth)) {
      rows.push(["learningPath", `goal ${d.padStart(2)} levels deep: p50 / p99`, lat(f), d === "12" ? target(s.learningPath, "p99Ms") : ""]);
    }
    if (s.learningPath.oneClient) rows.push(["", "goal 12 levels deep, 1 client: p50 / p99", lat(s.learningPath.oneClient), ""]);
  }
  const g = s.conceptGraph;
  if (g) {
    rows.push(["conceptGraph", "3 deep, 32 clients: p50 / p99, req/s", `${lat(g)}, ${n(g.perSecond)}/s`, ""]);
    if (g.neo4jGraphqlPerSecond !== null) {
      rows.push(["", "@neo4j/graphql: p50 / p99, req/s", `${n(g.neo4jGraphqlP50Ms)} / ${n(g.neo4jGraphqlP99Ms)} ms, ${n(g.neo4jGraphqlPerSecond)}/s`, ""]);
      rows.push(["", "throughput speed-up", `${n(g.speedupVsNeo4jGraphql)}x`, target(g, "speedupVsNeo4jGraphql")]);
    }
  }
  const i = s.ingest;
  if (i) {
    rows.push(["ingest", `batches of ${i.batchSize}, 4 writers: answers/s`, n(i.perSecond), target(i, "perSecond")]);
    rows.push(["", "single answers, 16 writers: p50 / p99", `${n(i.singleP50Ms)} / ${n(i.singleP99Ms)} ms`, ""]);
    rows.push(["", "baseline, 1 tx per answer: answers/s", n(i.perTransactionBaselinePerSecond), ""]);
    if (i.baseline16P99Ms !== undefined) rows.push(["", "baseline, 1 tx per answer, 16 sessions: p50 / p99", `${n(i.baseline16P50Ms)} / ${n(i.baseline16P99Ms)} ms`, ""]);
    if (i.singleToBaselineP99 !== undefined) rows.push(["", "single answers' p99 / that baseline's p99", `${n(i.singleToBaselineP99)}x`, target(i, "singleToBaselineP99")]);
  }
  const d = s.subscriptionDelivery;
  if (d) {
    const one = d.oneServer;
    rows.push(["subscriptions", `${n(one.subscribers)} dashboards, ${n(one.answersPerSecond)} answers/s: p50 / p99`, `${lat(one)} (${n(one.delivered)} of ${n(one.expectedDeliveries)} delivered)`, target(d, "p99Ms")]);
    rows.push(["", "two servers through Redis: p50 / p99", d.redis ? `${lat(d.redis)} (${n(d.redis.delivered)} of ${n(d.redis.expectedDeliveries)} delivered)` : (d.redisNote ?? "-"), target(d, "redisP99Ms")]);
    rows.push(["", "memory per idle connection: RSS, heap", `${n(d.memoryPerIdleConnection.rssPerConnectionKiB)} KiB, ${n(d.memoryPerIdleConnection.heapPerConnectionKiB)} KiB`, ""]);
  } else rows.push(["subscriptions", "delivery", "not measured", ""]);
  if (s.mixed) {
    rows.push(["mixed", `${s.mixed.clients} clients, ${n(s.mixed.seconds)} s: req/s, p99, errors`, `${n(s.mixed.perSecond)}/s, ${n(s.mixed.p99Ms)} ms, ${errs(s.mixed)}`, target(s.mixed, "perSecond")]);
    const kindTarget: Record<string, string> = { edit: "editP99Ms", answer: "answerP99Ms" };
    for (const [kind, f] of Object.entries(s.mixed.byKind)) rows.push(["", `  ${kind}: p50 / p99, req/s, errors`, `${lat(f)}, ${n(f.perSecond)}/s, ${errs(f)}`, kindTarget[kind] ? target(s.mixed, kindTarget[kind]) : ""]);
  }
  const errorCounts = Object.entries(s).flatMap(([name, v]) => (v && typeof (v as { errors?: unknown }).errors === "number" ? [`${name} ${(v as { errors: number }).errors}`] : []));
  rows.push(["errors", "failed calls per scenario", errorCounts.join(", "), ""]);
  const lines = [
    `Frontier benchmark (${scale.quick ? "quick" : "full"}${r.partial ? ", partial: --only" : ""}, scale ${scale.scale}: ${n(scale.concepts as number)} concepts, ${n(scale.items as number)} items, ${n(scale.learners as number)} learners, ${n((scale.answersLoaded ?? scale.answers) as number)} answers${scale.reused ? ", reused" : `, loaded in ${scale.loadSeconds} s`})`,
    `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, load average ${m.loadAverage} at start, ${m.loadAverageEnd} at end; Node ${m.node}; Neo4j ${m.neo4j.version} ${m.neo4j.edition} (heap ${m.neo4j.heap}, page cache ${m.neo4j.pageCache})`,
    "",
    render(rows),
  ];
  if (r.serverMemory) lines.push("", `server memory after the read scenarios (warm): RSS ${n(r.serverMemory.rssMiB)} MiB, heap ${n(r.serverMemory.heapUsedMiB)} MiB, learner snapshots held ${n(r.serverMemory.snapshotLearners)} (${n(r.serverMemory.snapshotUnits)} units)`);
  if (r.growth) {
    lines.push("", "growth (read scenarios at 32 clients, learningPath 12 deep, ingest)");
    const head = ["scale", "concepts", "answers", "recs p99 ms", "recs/s", "path p99 ms", "graph p99 ms", "answers/s", "single p99 ms", "server RSS / heap MiB (warm)", "learners held"];
    const mem = (g: (typeof r.growth)[number]) => (g.serverRssMiB === null ? "" : `${n(g.serverRssMiB)} / ${n(g.serverHeapMiB ?? 0)}`);
    lines.push(render([head, ...r.growth.map((g) => [String(g.scale), n(g.concepts), n(g.answers), n(g.recommendationsP99Ms), n(g.recommendationsPerSecond), n(g.learningPathP99Ms), n(g.conceptGraphP99Ms), n(g.ingestPerSecond), n(g.ingestSingleP99Ms), mem(g), g.snapshotLearners === null ? "" : n(g.snapshotLearners)])]));
  }
  const failing = Object.entries(s).flatMap(([name, v]) => (v && typeof (v as { errors?: unknown }).errors === "number" && (v as { errors: number }).errors > 0 ? [name] : []));
  // A scenario whose calls failed measured the failures too (a 429 or a timeout is fast or slow, not the work).
  if (failing.length > 0) lines.push("", `WARNING: calls failed in ${failing.join(", ")}: those figures are not the work's (see the errors row and errorCodes in the JSON)`);
  lines.push("", r.targetsMissed.length === 0 ? "all targets met" : `targets missed (${r.targetsMissed.length}):\n${r.targetsMissed.map((t) => `  - ${t}`).join("\n")}`);
  return lines.join("\n");
}
