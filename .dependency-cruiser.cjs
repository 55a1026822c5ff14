/**
 * The layer rules of docs/architecture.md, checked by `npm run lint` (dependency-cruiser).
 *
 *   server -> graphql -> modules (resolver -> service -> repository) -> neo4j
 *   domain: pure (no I/O, no module, no database); kt: offline (the server never imports it)
 *   module order: curriculum, learners -> mastery -> events, recommendations, alerts, quality,
 *   evidence, audit, experiments, practice, effectiveness -> live. A lower module never imports a higher one: it is told of changes through
 *   callbacks wired in src/services.ts.
 */
const mod = (names) => `^src/modules/(${names.join("|")})/`;
const LEVELS = [
  ["curriculum", "learners", "common", "seed-none"],
  ["mastery"],
  ["events", "recommendations", "alerts", "quality", "evidence", "audit", "experiments", "practice", "effectiveness"],
  ["live"],
];
const above = (i) => LEVELS.slice(i + 1).flat();

module.exports = {
  forbidden: [
    { name: "no-circular", severity: "error", comment: "No import cycles, type-only imports included.", from: {}, to: { circular: true } },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "src/domain holds the maths: it imports nothing of the server (modules, neo4j, graphql, server, services) and no I/O.",
      from: { path: "^src/domain/" },
      to: { path: ["^src/(modules|neo4j|graphql|server|services|app|cli|kt)", "^(node:)?(fs|net|http|https|child_process)$", "neo4j-driver", "type-graphql"] },
    },
    {
      name: "server-never-imports-kt",
      severity: "error",
      comment: "Offline fitting and evaluation (src/kt) is for the CLI and tests only.",
      from: { path: "^src/", pathNot: ["^src/kt/", "^src/cli/"] },
      to: { path: "^src/kt/" },
    },
    {
      name: "only-repositories-reach-the-database",
      severity: "error",
      comment: "resolver -> service -> repository -> neo4j/run.ts: only repositories (and migrations) import the query loader and the typed runner.",
      from: { path: "^src/modules/", pathNot: ["\\.repository\\.ts$", "/legacy-state\\.ts$"] },
      to: { path: "^src/neo4j/(cypher|typed|run|columns)\\.ts$" },
    },
    {
      name: "resolvers-use-services",
      severity: "error",
      comment: "Resolvers call services (through the context), never a repository.",
      from: { path: "\\.resolver\\.ts$" },
      to: { path: "\\.repository\\.ts$" },
    },
    {
      name: "services-do-not-import-resolvers",
      severity: "error",
      from: { path: "^src/modules/", pathNot: "\\.resolver\\.ts$" },
      to: { path: "\\.resolver\\.ts$" },
    },
    {
      name: "modules-below-the-server",
      severity: "error",
      comment: "Modules do not import the HTTP/WebSocket server or the schema builder (resolvers may import the Context type).",
      from: { path: "^src/modules/" },
      to: { path: ["^src/server/", "^src/graphql/", "^src/app\\.ts$"], pathNot: "^src/server/context\\.ts$" },
    },
    {
      name: "only-resolvers-see-the-context",
      severity: "error",
      from: { path: "^src/modules/", pathNot: ["\\.resolver\\.ts$", "/seed/"] },
      to: { path: "^src/(server/context|services)\\.ts$" },
    },
    ...LEVELS.slice(0, -1).map((names, i) => ({
      name: `module-order-${names[0]}`,
      severity: "error",
      comment: `${names.join(", ")} must not import ${above(i).join(", ")}: lower modules are told of changes through callbacks.`,
      from: { path: mod(names) },
      to: { path: mod(above(i)) },
    })),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".js"] },
    exclude: { path: ["^web/", "^bench/", "^test/", "node_modules"] },
  },
};
