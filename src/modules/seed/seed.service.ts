import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Services } from "../../services.js";
import type { ConceptRecord, CurriculumDocument, ItemRecord, PrerequisiteRecord, TopicRecord } from "../curriculum/import/document.js";
import { ImportFormat, type ImportReport } from "../curriculum/import/import.type.js";
import { parseCsv } from "../curriculum/import/parse-csv.js";

interface Hierarchy {
  topics: TopicRecord[];
  conceptTopics: Record<string, string[]>;
}

interface People {
  classes: Array<{ id: string; name: string }>;
  teachers: Array<{ id: string; classIds: string[] }>;
  learners: Array<{ id: string; classIds: string[] }>;
}

/**
 * Reads seeds/: 001 concepts (CSV, the spreadsheet path), 002 items, 003 people, 004 the
 * topic -> chapter -> subject rollup, and returns one curriculum document plus the people.
 */
export function readSeeds(dir: string): { curriculum: CurriculumDocument; people: People } {
  const parsed = parseCsv(readFileSync(join(dir, "001-concepts.csv"), "utf8"));
  if (parsed.problems.length > 0) throw new Error(`seeds/001-concepts.csv: ${parsed.problems.map((p) => p.message).join("; ")}`);
  const hierarchy = JSON.parse(readFileSync(join(dir, "004-hierarchy.json"), "utf8")) as Hierarchy;
  const topicOf = new Map(Object.entries(hierarchy.conceptTopics).flatMap(([topicId, ids]) => ids.map((id) => [id, topicId] as const)));
  const concepts = parsed.rows
    .filter((r) => r.section === "concepts")
    .map((r) => ({ ...(r.value as unknown as ConceptRecord), topicId: topicOf.get(r.value.id as string) ?? null }));
  const prerequisites = parsed.rows.filter((r) => r.section === "prerequisites").map((r) => r.value as unknown as PrerequisiteRecord);
  const items = (JSON.parse(readFileSync(join(dir, "002-items.json"), "utf8")) as { items: ItemRecord[] }).items;
  const people = JSON.parse(readFileSync(join(dir, "003-learners.json"), "utf8")) as People;
  return {
    curriculum: { format: "frontier-curriculum", version: 1, topics: hierarchy.topics, concepts, prerequisites, items },
    people,
  };
}

/** Loads the seeds through the same import path users have. Idempotent: a second run changes nothing. */
export async function seed(services: Services, dir: string, onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  const { curriculum, people } = readSeeds(dir);
  const report = await services.imports.importCurriculum(JSON.stringify(curriculum), {
    format: ImportFormat.JSON,
    dryRun: false,
    allowPartial: false,
    onProgress,
  });
  if (!report.applied) {
    throw new Error(`The seed curriculum has problems:\n${report.problems.map((p) => `  ${p.section} row ${p.row}: ${p.message}`).join("\n")}`);
  }
  await services.learners.upsertPeople(people);
  return report;
}
