import { defaultModelParams, type ModelParams } from "../../domain/mastery/model.js";
import type { MasteryRepository } from "./mastery.repository.js";

/**
 * The model parameters the server uses: the ones `frontier kt load` stored on the graph under
 * the server's KT_MODEL id, or the defaults when none were loaded. Cached in memory and re-read at most every `ttlMs`.
 */
export class ModelStore {
  private cached: { params: ModelParams; version: number; at: number } | null = null;

  constructor(
    private readonly repo: MasteryRepository,
    /** The stored model's id (config KT_MODEL). */
    private readonly modelId = "current",
    private readonly ttlMs = 30_000,
  ) {}

  async current(): Promise<{ params: ModelParams; version: number }> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached;
    const stored = await this.repo.model(this.modelId);
    const params = stored ? (JSON.parse(stored.params) as ModelParams) : defaultModelParams();
    this.cached = { params, version: stored?.version ?? 0, at: now };
    return this.cached;
  }

  /** Stores fitted parameters for every server (each picks them up within `ttlMs`). */
  async put(params: ModelParams, summary: string): Promise<number> {
    const version = await this.repo.putModel(this.modelId, JSON.stringify(params), summary);
    this.cached = null;
    return version;
  }
}
