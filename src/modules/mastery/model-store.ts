import { cypher } from "../../neo4j/cypher.js";
import type { Database } from "../../neo4j/run.js";
import { defaultModelParams, type ModelParams } from "../../domain/mastery/model.js";

const GET = cypher("events/get-model");
const PUT = cypher("events/put-model");

/**
 * The model parameters the server uses: the ones `frontier kt load` stored on the graph, or the
 * defaults when none were loaded. Cached in memory and re-read at most every `ttlMs`.
 */
export class ModelStore {
  private cached: { params: ModelParams; version: number; at: number } | null = null;

  constructor(
    private readonly db: Database,
    private readonly ttlMs = 30_000,
  ) {}

  async current(): Promise<{ params: ModelParams; version: number }> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached;
    const [row] = await this.db.read(GET);
    const params = row?.params ? (JSON.parse(row.params as string) as ModelParams) : defaultModelParams();
    this.cached = { params, version: (row?.version as number | undefined) ?? 0, at: now };
    return this.cached;
  }

  /** Stores fitted parameters for every server (each picks them up within `ttlMs`). */
  async put(params: ModelParams, summary: string): Promise<number> {
    const [row] = await this.db.write(PUT, { params: JSON.stringify(params), summary });
    this.cached = null;
    return row?.version as number;
  }
}
