import { addLearner, bandEffect, bandOf, BANDS, neverHelps, thompson, type BandEffect, type EffectTable } from "../../domain/effectiveness/effectiveness.js";
import type { LearnerState } from "../../domain/mastery/model.js";
import type { Item } from "../curriculum/item.type.js";
import type { ItemExplorer } from "../recommendations/item-explorer.js";
import type { EffectivenessRepository } from "./effectiveness.repository.js";

/** How long a server trusts its snapshot of stored effectiveness (an analysis elsewhere is seen within this). */
export const SNAPSHOT_TTL_MS = 60_000;
const PAGE = 200;

export interface AnalysisSummary {
  learners: number;
  followUps: number;
  items: number;
  seconds: number;
}

/** A small stable string hash (FNV-1a, 32 bits): mixes the concept into the request's seed. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Item effectiveness: the batch analysis, the stored read-out, and Thompson-sampling exploration. */
export class EffectivenessService {
  private snapshot: { at: number; effects: Promise<Map<string, BandEffect[]>> } | null = null;

  constructor(private readonly repo: EffectivenessRepository) {}

  /**
   * Recomputes every item's effectiveness from the learners' histories, a page of learners at a
   * time, and stores it on the items (all of them at the end, so readers never see half a run).
   * `prefix` limits the run to learners whose id starts with it.
   */
  async analyse(opts: { prefix?: string; onProgress?: (learners: number) => void } = {}): Promise<AnalysisSummary> {
    const started = Date.now();
    const table: EffectTable = new Map();
    let after = "";
    let learners = 0;
    for (;;) {
      const page = await this.repo.learnersAfter(after, PAGE, opts.prefix ?? "");
      if (page.length === 0) break;
      const steps = await this.repo.steps(page.map((l) => l.id));
      page.forEach((l, i) => addLearner(table, bandOf(l.ability), steps[i] ?? []));
      learners += page.length;
      after = (page[page.length - 1] as { id: string }).id;
      opts.onProgress?.(learners);
    }
    const rows = [...table.entries()].map(([itemId, bands]) => ({
      itemId,
      effects: JSON.stringify(BANDS.flatMap((b) => (bands.has(b) ? [bandEffect(b, bands.get(b) as NonNullable<ReturnType<typeof bands.get>>)] : []))),
    }));
    let followUps = 0;
    for (const bands of table.values()) for (const t of bands.values()) followUps += t.n;
    for (let i = 0; i < rows.length; i += 1000) await this.repo.write(rows.slice(i, i + 1000));
    this.snapshot = null;
    return { learners, followUps, items: rows.length, seconds: (Date.now() - started) / 1000 };
  }

  private effects(now = Date.now()): Promise<Map<string, BandEffect[]>> {
    if (!this.snapshot || now - this.snapshot.at > SNAPSHOT_TTL_MS || now < this.snapshot.at) {
      const effects = this.repo.readAll().then((rows) => new Map(rows.map((r) => [r.itemId, JSON.parse(r.effects) as BandEffect[]])));
      effects.catch(() => {
        this.snapshot = null;
      });
      this.snapshot = { at: now, effects };
    }
    return this.snapshot.effects;
  }

  async of(itemId: string): Promise<BandEffect[]> {
    return (await this.effects()).get(itemId) ?? [];
  }

  /** Item ids that never help, from the snapshot. */
  async neverHelpingIds(): Promise<string[]> {
    const effects = await this.effects();
    return [...effects.entries()].filter(([, e]) => neverHelps(e)).map(([id]) => id).sort();
  }

  /**
   * The recommendations hook: loads the snapshot once per request, then orders a concept's
   * in-band items by a Thompson draw on their effectiveness for the learner's band (seed mixed
   * with the concept id, so a request is reproducible and concepts draw apart).
   */
  readonly explorer: ItemExplorer = async (seed) => {
    const effects = await this.effects();
    return <T extends { item: Item }>(conceptId: string, inBand: readonly T[], state: LearnerState) => {
      const band = bandOf(state.ability);
      const stats = (x: T) => {
        const e = (effects.get(x.item.id) ?? []).find((b) => b.band === band);
        return { n: e?.n ?? 0, successes: e?.successes ?? 0 };
      };
      // Drawn in item id order, so the draws do not depend on how the candidates arrived.
      const byId = [...inBand].sort((a, b) => (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0));
      const r = thompson(byId, stats, (seed ^ fnv1a(conceptId)) >>> 0);
      return { ordered: r.order.map((d) => d.item), exploratory: r.exploratory, band };
    };
  };
}
