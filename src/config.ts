import { z } from "zod";
import { VERB_RULES } from "./domain/evidence/xapi.js";

const bool = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

const commaList = z
  .string()
  .transform((v) => v.split(",").map((x) => x.trim()).filter((x) => x.length > 0))
  .default([]);

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    HOST: z.string().default("0.0.0.0"),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    NEO4J_URI: z.string().regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, "must be a bolt:// or neo4j:// URI").default("bolt://127.0.0.1:7687"),
    NEO4J_USER: z.string().min(1).default("neo4j"),
    NEO4J_PASSWORD: z.string().min(1).default("frontier-dev-password"),
    NEO4J_DATABASE: z.string().min(1).default("neo4j"),
    NEO4J_MAX_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(100),
    JWT_SECRET: z.string().min(16, "must be at least 16 characters").optional(),
    JWKS_URL: z.string().url().optional(),
    JWT_ISSUER: z.string().default("frontier"),
    JWT_AUDIENCE: z.string().default("frontier-api"),
    PUBLIC_CURRICULUM: bool.default(true),
    MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
    MAX_QUERY_COST: z.coerce.number().int().min(10).max(1_000_000).default(20_000),
    /** Aliases per operation, and repeats of one expensive field (placement, reports) per selection. */
    MAX_QUERY_ALIASES: z.coerce.number().int().min(1).max(10_000).default(30),
    MAX_EXPENSIVE_REPEATS: z.coerce.number().int().min(1).max(1000).default(3),
    MAX_QUERY_DIRECTIVES: z.coerce.number().int().min(1).max(10_000).default(50),
    /** Lexical tokens per document: bounds parsing work and nesting (the parser recurses). */
    MAX_QUERY_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(2_000),
    /** Wall-clock budget of one operation: expensive fields starting after it are refused. */
    OPERATION_BUDGET_MS: z.coerce.number().int().min(10).max(600_000).default(5_000),
    /** Requests per RATE_LIMIT_WINDOW_S: per bearer token (learner, teacher, designer), per token with the ingest/admin role, per client address without a token. 0 turns limiting off. */
    RATE_LIMIT_WINDOW_S: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_TOKEN: z.coerce.number().int().min(0).default(3_000),
    RATE_LIMIT_INGEST: z.coerce.number().int().min(0).default(60_000),
    RATE_LIMIT_ADDRESS: z.coerce.number().int().min(0).default(1_200),
    /** 0 turns fail-fast off; otherwise SERVICE_UNAVAILABLE is answered at once after Neo4j was found unreachable, until a probe gets an answer. */
    DB_FAIL_FAST_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
    /** Which stored model (`frontier kt load --as ID`) this server uses; one graph can hold several (a trial, a test). */
    KT_MODEL: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/, "must be an id of letters, digits and _ . : -").default("current"),
    REDIS_URL: z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL").optional(),
    /** xAPI verb IRI -> one of the built-in verb rules (JSON object), merged over the ADL defaults (docs/xapi.md). */
    XAPI_VERBS: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          ctx.addIssue({ code: "custom", message: "must be a JSON object" });
          return z.NEVER;
        }
      })
      .pipe(z.record(z.string().min(1), z.enum(VERB_RULES)))
      .default({}),
    /** Comma-separated activity IRI prefixes whose remainder is an item id (after the activity table). */
    ACTIVITY_ITEM_PREFIXES: commaList,
    /** The drift windows of /metrics: the recent days against the baseline days before them. */
    DRIFT_RECENT_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    DRIFT_BASELINE_DAYS: z.coerce.number().int().min(1).max(365).default(28),
    /** How often each server checks for drift and raises `driftDetected` (ms; 0: only on /metrics scrapes and `checkDrift`). */
    DRIFT_CHECK_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(900_000),
    /** Comma-separated Caliper actor IRI prefixes whose remainder is the learner id. */
    CALIPER_ACTOR_PREFIXES: commaList,
    /** Success on a concept raises the implied mastery of its unpractised prerequisites (src/domain/mastery/implied.ts); false: evidence moves only the answered concepts. */
    IMPLIED_EVIDENCE: bool.default(true),
    /** Learner snapshots held per process (src/modules/mastery/learner-snapshots.ts), in units of one learner, practised concept or recent attempt each (85-190 bytes of heap per unit); 0 holds none (every read reads the learner). */
    LEARNER_CACHE_UNITS: z.coerce.number().int().min(0).max(100_000_000).default(1_000_000),
    /** A held learner snapshot is read again after this long even when its revision matches: the net for writes made outside Frontier, which write no revision. */
    LEARNER_CACHE_TTL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === "production" && !c.JWT_SECRET && !c.JWKS_URL) {
      ctx.addIssue({ code: "custom", path: ["JWT_SECRET"], message: "production needs JWT_SECRET or JWKS_URL" });
    }
  });

export type Config = z.output<typeof schema> & { JWT_SECRET: string | undefined };

/** The development secret used when neither JWT_SECRET nor JWKS_URL is set (never in production). */
export const DEV_JWT_SECRET = "frontier-development-secret-change-me";

/**
 * Reads and validates the environment once. Throws one error naming every bad variable,
 * so start-up fails fast with a message a person can act on.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  return { ...c, JWT_SECRET: c.JWT_SECRET ?? (c.JWKS_URL ? undefined : DEV_JWT_SECRET) };
}
