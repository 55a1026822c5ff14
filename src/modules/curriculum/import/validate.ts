import { isValidId, ID_RULE } from "../../../common/validation.js";
import { mapIds } from "./map-ids.js";
import { adjacency, cycleIfAdded, type Edge } from "../../../domain/curriculum/graph-analysis.js";
import type {
  ConceptRecord,
  CurriculumDocument,
  ItemRecord,
  ParsedDocument,
  PrerequisiteRecord,
  RawRow,
  Section,
  TopicRecord,
} from "./document.js";

export interface Problem {
  severity: "ERROR" | "WARNING";
  code: string;
  message: string;
  section: Section;
  row: number | null;
  ids: string[];
  path: string[] | null;
}

/** What is already in the database, as far as validation needs it. */
export interface ExistingCurriculum {
  conceptIds: ReadonlySet<string>;
  itemIds: ReadonlySet<string>;
  topicLevels: ReadonlyMap<string, string>;
  edges: readonly Edge[];
}

export interface ValidationResult {
  plan: CurriculumDocument;
  problems: Problem[];
  /** Distinct rows with at least one ERROR. */
  skippedRows: number;
  estimate: {
    conceptsCreated: number;
    conceptsUpdated: number;
    prerequisitesCreated: number;
    prerequisitesUpdated: number;
    itemsCreated: number;
    itemsUpdated: number;
    topicsWritten: number;
  };
}

export const LIMITS = { nameLength: 200, descriptionLength: 5000, tagLength: 64, tags: 50, attributeLength: 2000 };
const TOPIC_RANK: Record<string, number> = { TOPIC: 1, CHAPTER: 2, SUBJECT: 3 };
const ITEM_KINDS = new Set(["QUESTION", "EXERCISE", "VIDEO", "READING"]);

const str = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
const optStr = (v: unknown): string | null => {
  const s = str(v);
  return s === "" ? null : s;
};

function stringMap(v: unknown): Record<string, string> {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === "string" ? x : JSON.stringify(x)]));
}

function weightOf(v: unknown): number {
  if (v === undefined || v === null || v === "") return 1;
  return typeof v === "number" ? v : Number(v);
}

const validWeight = (w: number) => Number.isFinite(w) && w > 0 && w <= 1;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Checks a parsed import against itself and the existing graph. Rows are taken in file order;
 * an edge that would close a cycle (with the existing edges or with earlier rows) is rejected
 * with the whole cycle as its path, so the edges that remain are always acyclic.
 * The plan holds only rows without errors: it is what `allowPartial` writes.
 */
export function validateImport(document: ParsedDocument, existing: ExistingCurriculum): ValidationResult {
  const { parsed, mappings } = mapIds(document);
  const problems: Problem[] = parsed.problems.map((p) => ({ ...p, severity: "ERROR", ids: [], path: null }));
  for (const m of mappings) {
    problems.push({ severity: "WARNING", code: "ID_MAPPED", message: `'${m.from.slice(0, 140)}' is not a valid id (${ID_RULE}); imported as '${m.to}' wherever it appears.`, section: m.section, row: m.row, ids: [m.to], path: null });
  }
  const bad = new Set<string>();
  // CSV prerequisites come from their concept's row: skip them when that row was ignored or bad.
  const csv = parsed.format === "CSV";
  const ignoredRows = new Set<number | null>();
  const report = (row: RawRow, severity: Problem["severity"], code: string, message: string, ids: string[], path: string[] | null = null) => {
    problems.push({ severity, code, message, section: row.section, row: row.row, ids, path });
    if (severity === "ERROR") bad.add(`${row.section}:${row.row ?? "?"}`);
  };
  const bySection = (s: Section) => parsed.rows.filter((r) => r.section === s);
  const checkId = (row: RawRow, field: string, value: string): boolean => {
    if (value === "") {
      report(row, "ERROR", "MISSING_FIELD", `'${field}' is required.`, []);
      return false;
    }
    if (!isValidId(value)) {
      report(row, "ERROR", "INVALID_ID", `'${field}' value '${value.slice(0, 140)}' is not a valid id (${ID_RULE}).`, [value.slice(0, 140)]);
      return false;
    }
    return true;
  };

  // Topics: parents must exist and sit at a higher level (topic -> chapter -> subject).
  const topics = new Map<string, { rec: TopicRecord; row: RawRow }>();
  for (const row of bySection("topics")) {
    const rec: TopicRecord = {
      id: str(row.value.id),
      name: str(row.value.name),
      level: str(row.value.level).toUpperCase(),
      parentId: optStr(row.value.parentId),
    };
    if (!checkId(row, "id", rec.id)) continue;
    if (rec.name === "") report(row, "ERROR", "MISSING_FIELD", "'name' is required.", [rec.id]);
    if (!(rec.level in TOPIC_RANK)) report(row, "ERROR", "INVALID_VALUE", `'level' must be TOPIC, CHAPTER or SUBJECT, not '${rec.level}'.`, [rec.id]);
    const prev = topics.get(rec.id);
    if (prev) {
      report(row, sameJson(prev.rec, rec) ? "WARNING" : "ERROR", sameJson(prev.rec, rec) ? "DUPLICATE_ROW" : "DUPLICATE_ID",
        sameJson(prev.rec, rec) ? `Topic '${rec.id}' repeats row ${prev.row.row}; ignored.` : `Topic '${rec.id}' is defined twice with different values (first at row ${prev.row.row}).`, [rec.id]);
      continue;
    }
    if (!bad.has(`topics:${row.row}`)) topics.set(rec.id, { rec, row });
  }
  const topicLevel = (id: string) => topics.get(id)?.rec.level ?? existing.topicLevels.get(id);
  for (const { rec, row } of topics.values()) {
    if (rec.parentId === null) continue;
    const parentLevel = topicLevel(rec.parentId);
    if (parentLevel === undefined) {
      report(row, "ERROR", "UNKNOWN_TOPIC", `Parent topic '${rec.parentId}' does not exist.`, [rec.id, rec.parentId]);
    } else if ((TOPIC_RANK[parentLevel] ?? 0) <= (TOPIC_RANK[rec.level] ?? 0)) {
      report(row, "ERROR", "INVALID_VALUE", `A ${rec.level} cannot be part of a ${parentLevel} ('${rec.parentId}').`, [rec.id, rec.parentId]);
    }
  }
  const keptTopics = [...topics.values()].filter(({ row }) => !bad.has(`topics:${row.row}`));
  const topicOk = (id: string) => keptTopics.some((t) => t.rec.id === id) || existing.topicLevels.has(id);

  // Concepts.
  const concepts = new Map<string, { rec: ConceptRecord; row: RawRow }>();
  for (const row of bySection("concepts")) {
    const v = row.value;
    const rec: ConceptRecord = {
      id: str(v.id),
      name: str(v.name),
      description: optStr(v.description),
      tags: Array.isArray(v.tags) ? v.tags.map(str).filter((t) => t !== "") : typeof v.tags === "string" ? v.tags.split(",").map((t) => t.trim()).filter(Boolean) : [],
      topicId: optStr(v.topicId),
      attributes: stringMap(v.attributes),
    };
    if (!checkId(row, "id", rec.id)) continue;
    if (rec.name === "") report(row, "ERROR", "MISSING_FIELD", `Concept '${rec.id}' has no name.`, [rec.id]);
    if (rec.name.length > LIMITS.nameLength) report(row, "ERROR", "INVALID_VALUE", `Name longer than ${LIMITS.nameLength} characters.`, [rec.id]);
    if ((rec.description?.length ?? 0) > LIMITS.descriptionLength) report(row, "ERROR", "INVALID_VALUE", `Description longer than ${LIMITS.descriptionLength} characters.`, [rec.id]);
    if (rec.tags.length > LIMITS.tags || rec.tags.some((t) => t.length > LIMITS.tagLength)) {
      report(row, "ERROR", "INVALID_VALUE", `At most ${LIMITS.tags} tags of at most ${LIMITS.tagLength} characters.`, [rec.id]);
    }
    if (rec.topicId !== null && !topicOk(rec.topicId)) report(row, "ERROR", "UNKNOWN_TOPIC", `Topic '${rec.topicId}' does not exist.`, [rec.id, rec.topicId]);
    const prev = concepts.get(rec.id);
    if (prev) {
      const same = sameJson(prev.rec, rec);
      report(row, same ? "WARNING" : "ERROR", same ? "DUPLICATE_ROW" : "DUPLICATE_ID",
        same ? `Concept '${rec.id}' repeats row ${prev.row.row}; ignored.` : `Concept '${rec.id}' is defined twice with different values (first at row ${prev.row.row}).`, [rec.id]);
      ignoredRows.add(row.row);
      continue;
    }
    if (!bad.has(`concepts:${row.row}`)) concepts.set(rec.id, { rec, row });
  }
  const conceptKnown = (id: string) => concepts.has(id) || existing.conceptIds.has(id);

  // Prerequisites, in file order, cycle-checked against the existing edges and earlier rows.
  const adj = adjacency(existing.edges);
  const existingEdge = new Map(existing.edges.map((e) => [`${e.conceptId}->${e.prerequisiteId}`, e]));
  const accepted = new Map<string, { rec: PrerequisiteRecord; row: RawRow }>();
  for (const row of bySection("prerequisites")) {
    const rec: PrerequisiteRecord = { conceptId: str(row.value.conceptId), prerequisiteId: str(row.value.prerequisiteId), weight: weightOf(row.value.weight) };
    if (csv && ignoredRows.has(row.row)) continue;
    const conceptRowBad = csv && bad.has(`concepts:${row.row}`);
    if (!checkId(row, "conceptId", rec.conceptId) || !checkId(row, "prerequisiteId", rec.prerequisiteId)) continue;
    const ids = [rec.conceptId, rec.prerequisiteId];
    if (rec.conceptId === rec.prerequisiteId) {
      report(row, "ERROR", "SELF_LOOP", `Concept '${rec.conceptId}' cannot require itself.`, ids, [rec.conceptId, rec.conceptId]);
      continue;
    }
    if (!validWeight(rec.weight)) {
      report(row, "ERROR", "INVALID_VALUE", `Weight of ${rec.conceptId} -> ${rec.prerequisiteId} must be in (0, 1], not '${String(row.value.weight)}'.`, ids);
      continue;
    }
    if (!conceptKnown(rec.conceptId) || conceptRowBad) {
      if (!conceptRowBad) report(row, "ERROR", "UNKNOWN_CONCEPT", `Concept '${rec.conceptId}' does not exist.`, ids);
      continue;
    }
    if (!conceptKnown(rec.prerequisiteId)) {
      report(row, "ERROR", "UNKNOWN_PREREQUISITE", `Prerequisite '${rec.prerequisiteId}' of '${rec.conceptId}' does not exist.`, ids);
      continue;
    }
    const key = `${rec.conceptId}->${rec.prerequisiteId}`;
    const prev = accepted.get(key);
    if (prev) {
      const same = prev.rec.weight === rec.weight;
      report(row, same ? "WARNING" : "ERROR", same ? "DUPLICATE_ROW" : "DUPLICATE_ID",
        // In CSV a concept's prerequisites share its row: a repeat there is "listed twice", not "repeats row N" of itself.
        same
          ? prev.row.row === row.row
            ? `Prerequisite ${key} is listed twice in row ${row.row ?? "?"}; the repeat is ignored.`
            : `Prerequisite ${key} repeats row ${prev.row.row}; ignored.`
          : `Prerequisite ${key} appears twice with different weights (first at row ${prev.row.row}).`, ids);
      continue;
    }
    if (!existingEdge.has(key)) {
      const cycle = cycleIfAdded(adj, rec.conceptId, rec.prerequisiteId);
      if (cycle) {
        report(row, "ERROR", "CYCLE", `Prerequisite ${key} would close a cycle: ${cycle.join(" -> ")}.`, ids, cycle);
        continue;
      }
      const list = adj.get(rec.conceptId);
      if (list) list.push(rec.prerequisiteId);
      else adj.set(rec.conceptId, [rec.prerequisiteId]);
    }
    accepted.set(key, { rec, row });
  }

  // Items.
  const items = new Map<string, { rec: ItemRecord; row: RawRow }>();
  for (const row of bySection("items")) {
    const v = row.value;
    const links = Array.isArray(v.assesses) ? v.assesses : [];
    const rec: ItemRecord = {
      id: str(v.id),
      kind: str(v.kind).toUpperCase(),
      title: str(v.title),
      difficulty: v.difficulty === undefined || v.difficulty === null || v.difficulty === "" ? null : Number(v.difficulty),
      url: optStr(v.url),
      assesses: links.map((l: unknown) => {
        const o = (typeof l === "object" && l !== null ? l : { conceptId: l }) as Record<string, unknown>;
        return { conceptId: str(o.conceptId), weight: weightOf(o.weight) };
      }),
      attributes: stringMap(v.attributes),
    };
    if (!checkId(row, "id", rec.id)) continue;
    if (rec.title === "") report(row, "ERROR", "MISSING_FIELD", `Item '${rec.id}' has no title.`, [rec.id]);
    if (!ITEM_KINDS.has(rec.kind)) report(row, "ERROR", "INVALID_VALUE", `Item kind must be QUESTION, EXERCISE, VIDEO or READING, not '${rec.kind}'.`, [rec.id]);
    if (rec.difficulty !== null && (!Number.isFinite(rec.difficulty) || Math.abs(rec.difficulty) > 10)) report(row, "ERROR", "INVALID_VALUE", "Difficulty must be a number in [-10, 10] (logits).", [rec.id]);
    for (const link of rec.assesses) {
      if (!isValidId(link.conceptId) || !conceptKnown(link.conceptId)) {
        report(row, "ERROR", "UNKNOWN_CONCEPT", `Item '${rec.id}' assesses unknown concept '${link.conceptId}'.`, [rec.id, link.conceptId]);
      } else if (!validWeight(link.weight)) {
        report(row, "ERROR", "INVALID_VALUE", `Weight of ${rec.id} -> ${link.conceptId} must be in (0, 1].`, [rec.id, link.conceptId]);
      }
    }
    const prev = items.get(rec.id);
    if (prev) {
      const same = sameJson(prev.rec, rec);
      report(row, same ? "WARNING" : "ERROR", same ? "DUPLICATE_ROW" : "DUPLICATE_ID",
        same ? `Item '${rec.id}' repeats row ${prev.row.row}; ignored.` : `Item '${rec.id}' is defined twice with different values (first at row ${prev.row.row}).`, [rec.id]);
      continue;
    }
    if (!bad.has(`items:${row.row}`)) items.set(rec.id, { rec, row });
  }

  const plan: CurriculumDocument = {
    format: "frontier-curriculum",
    version: 1,
    topics: keptTopics.map((t) => t.rec),
    concepts: [...concepts.values()].map((c) => c.rec),
    prerequisites: [...accepted.values()].map((p) => p.rec),
    items: [...items.values()].map((i) => i.rec),
  };
  const errorRows = new Set(
    problems.filter((p) => p.severity === "ERROR").map((p) => (csv ? `row:${p.row ?? "?"}` : `${p.section}:${p.row ?? "?"}`)),
  );
  // Spreadsheet users read a report top to bottom: order CSV problems by row (stable within a row).
  if (csv) problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return {
    plan,
    problems,
    skippedRows: errorRows.size,
    estimate: {
      conceptsCreated: plan.concepts.filter((c) => !existing.conceptIds.has(c.id)).length,
      conceptsUpdated: plan.concepts.filter((c) => existing.conceptIds.has(c.id)).length,
      prerequisitesCreated: plan.prerequisites.filter((p) => !existingEdge.has(`${p.conceptId}->${p.prerequisiteId}`)).length,
      prerequisitesUpdated: plan.prerequisites.filter((p) => existingEdge.has(`${p.conceptId}->${p.prerequisiteId}`)).length,
      itemsCreated: plan.items.filter((i) => !existing.itemIds.has(i.id)).length,
      itemsUpdated: plan.items.filter((i) => existing.itemIds.has(i.id)).length,
      topicsWritten: plan.topics.length,
    },
  };
}
