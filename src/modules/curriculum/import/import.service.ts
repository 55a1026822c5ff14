import { randomUUID } from "node:crypto";
import type { CurriculumRepository, CurriculumWrites, ImportCounts, Snapshot } from "../curriculum.repository.js";
import type { CurriculumDocument, ParsedDocument, Section } from "./document.js";
import { ImportFormat, ImportProblemCode, ImportSection, ProblemSeverity, type ImportReport } from "./import.type.js";
import { parseCsv } from "./parse-csv.js";
import { parseJson } from "./parse-json.js";
import { validateImport, type ExistingCurriculum } from "./validate.js";
import type { CurriculumListener } from "../curriculum.service.js";

export const IMPORT_BATCH_SIZE = 1000;

export interface ImportOptions {
  format: ImportFormat;
  dryRun: boolean;
  allowPartial: boolean;
  /** Called after each written batch: rows written so far and the total to write. */
  onProgress?: (done: number, total: number) => void;
}

export function parseDocument(format: ImportFormat, content: string): ParsedDocument {
  return format === ImportFormat.CSV ? parseCsv(content) : parseJson(content);
}

/** Guesses the format from a file name, then from the content. */
export function detectFormat(fileName: string, content: string): ImportFormat {
  if (/\.csv$/i.test(fileName)) return ImportFormat.CSV;
  if (/\.json$/i.test(fileName)) return ImportFormat.JSON;
  return content.replace(/^\uFEFF/, "").trimStart().startsWith("{") ? ImportFormat.JSON : ImportFormat.CSV;
}

function existingFrom(snap: Snapshot): ExistingCurriculum {
  return {
    conceptIds: new Set(snap.concepts.map((c) => c.id)),
    itemIds: new Set(snap.items.map((i) => i.id)),
    topicLevels: new Map(snap.topics.map((t) => [t.id, t.level])),
    edges: snap.prerequisites,
  };
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

const sum = (rows: ImportCounts[], key: "created" | "updated") => rows.reduce((n, r) => n + r[key], 0);

/**
 * Bulk curriculum import. Validation and writing happen in one write transaction that holds the
 * prerequisite lock, so the cycle check sees exactly the graph the import lands on, and an
 * import with errors writes nothing (unless allowPartial, which writes the valid rows only).
 */
export class ImportService {
  constructor(
    private readonly repo: CurriculumRepository,
    private readonly onChanged: CurriculumListener = () => {},
  ) {}

  async importCurriculum(content: string, options: ImportOptions): Promise<ImportReport> {
    const parsed = parseDocument(options.format, content);
    if (options.dryRun) {
      const result = validateImport(parsed, existingFrom(await this.repo.snapshot()));
      return this.report(options, result, false, result.estimate);
    }
    const { value: report, version } = await this.repo.write(async (w) => {
      await w.lockPrerequisites();
      const result = validateImport(parsed, existingFrom(await w.snapshot()));
      const hasErrors = result.problems.some((p) => p.severity === "ERROR");
      if (hasErrors && !options.allowPartial) return this.report(options, result, false, zeroCounts());
      const counts = await this.write(w, result.plan, options.onProgress);
      await w.refreshDerived();
      return this.report(options, result, true, counts);
    });
    const c = report.counts;
    // One summary per import (an import can touch thousands of rows); editors reload on it.
    if (report.applied && c.conceptsCreated + c.conceptsUpdated + c.prerequisitesCreated + c.prerequisitesUpdated + c.itemsCreated + c.itemsUpdated > 0) {
      this.onChanged([{ changeId: randomUUID(), entity: "IMPORT", operation: "UPDATED", id: "curriculum", relatedId: null, summary: JSON.stringify(c), recordedAt: Date.now(), version }]);
    }
    return report;
  }

  private async write(w: CurriculumWrites, plan: CurriculumDocument, onProgress?: (done: number, total: number) => void) {
    const total = plan.topics.length + plan.topics.filter((t) => t.parentId !== null).length + plan.concepts.length + plan.prerequisites.length + plan.items.length;
    let done = 0;
    const step = async (rows: unknown[], writer: (rows: unknown[]) => Promise<ImportCounts>): Promise<ImportCounts[]> => {
      const out: ImportCounts[] = [];
      for (const batch of chunks(rows, IMPORT_BATCH_SIZE)) {
        out.push(await writer(batch));
        done += batch.length;
        onProgress?.(done, total);
      }
      return out;
    };
    // Subjects before chapters before topics is not needed: parents are linked in a second pass.
    await step(plan.topics, w.bulk.topics);
    await step(plan.topics.filter((t) => t.parentId !== null), w.bulk.topicParents);
    const concepts = await step(
      plan.concepts.map((c) => ({ ...c, attributes: Object.keys(c.attributes).length > 0 ? JSON.stringify(c.attributes) : null })),
      w.bulk.concepts,
    );
    const prerequisites = await step(plan.prerequisites, w.bulk.prerequisites);
    const items = await step(
      plan.items.map((i) => ({
        ...i,
        links: [...i.assesses].sort((a, b) => (a.conceptId < b.conceptId ? -1 : a.conceptId > b.conceptId ? 1 : 0)),
        attributes: Object.keys(i.attributes).length > 0 ? JSON.stringify(i.attributes) : null,
      })),
      w.bulk.items,
    );
    return {
      conceptsCreated: sum(concepts, "created"),
      conceptsUpdated: sum(concepts, "updated"),
      prerequisitesCreated: sum(prerequisites, "created"),
      prerequisitesUpdated: sum(prerequisites, "updated"),
      itemsCreated: sum(items, "created"),
      itemsUpdated: sum(items, "updated"),
      topicsWritten: plan.topics.length,
    };
  }

  private report(
    options: ImportOptions,
    result: ReturnType<typeof validateImport>,
    applied: boolean,
    counts: ImportReport["counts"],
  ): ImportReport {
    return {
      format: options.format,
      dryRun: options.dryRun,
      applied,
      valid: !result.problems.some((p) => p.severity === "ERROR"),
      counts,
      skippedRows: result.skippedRows,
      problems: result.problems.map((p) => ({ ...p, code: problemCode(p.code), section: SECTIONS[p.section], severity: p.severity === "ERROR" ? ProblemSeverity.ERROR : ProblemSeverity.WARNING })),
    };
  }

  /** The whole curriculum in the exchange format (what import reads back). */
  async exportCurriculum(): Promise<CurriculumDocument> {
    const snap = await this.repo.snapshot();
    const byId = <T extends { id: string }>(a: T, b: T) => a.id.localeCompare(b.id);
    const attrs = (json: string | null | undefined): Record<string, string> => (json ? (JSON.parse(json) as Record<string, string>) : {});
    return {
      format: "frontier-curriculum",
      version: 1,
      topics: [...snap.topics].sort(byId).map((t) => ({ id: t.id, name: t.name, level: t.level, parentId: t.parentId ?? null })),
      concepts: [...snap.concepts].sort(byId).map((c) => ({
        id: c.id,
        name: c.name,
        description: c.description ?? null,
        tags: c.tags ?? [],
        topicId: c.topicId ?? null,
        attributes: attrs(c.attributes),
      })),
      prerequisites: [...snap.prerequisites]
        .sort((a, b) => a.conceptId.localeCompare(b.conceptId) || a.prerequisiteId.localeCompare(b.prerequisiteId))
        .map((p) => ({ conceptId: p.conceptId, prerequisiteId: p.prerequisiteId, weight: p.weight })),
      items: [...snap.items].sort(byId).map((i) => ({
        id: i.id,
        kind: i.kind,
        title: i.title,
        difficulty: i.difficulty ?? null,
        url: i.url ?? null,
        assesses: [...i.links].sort((a, b) => a.conceptId.localeCompare(b.conceptId)),
        attributes: attrs(i.attributes),
      })),
    };
  }
}

function zeroCounts(): ImportReport["counts"] {
  return { conceptsCreated: 0, conceptsUpdated: 0, prerequisitesCreated: 0, prerequisitesUpdated: 0, itemsCreated: 0, itemsUpdated: 0, topicsWritten: 0 };
}

const SECTIONS: Readonly<Record<Section, ImportSection>> = {
  topics: ImportSection.TOPICS,
  concepts: ImportSection.CONCEPTS,
  prerequisites: ImportSection.PREREQUISITES,
  items: ImportSection.ITEMS,
};
const CODES = new Set<string>(Object.values(ImportProblemCode));

/** Validation writes only the documented codes; anything else is a bug worth failing on. */
function problemCode(code: string): ImportProblemCode {
  if (!CODES.has(code)) throw new Error(`import problem code '${code}' is not an ImportProblemCode`);
  return code as ImportProblemCode;
}
