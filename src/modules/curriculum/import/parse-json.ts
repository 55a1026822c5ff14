import type { ParsedDocument, RawRow, Section } from "./document.js";

const SECTIONS: Section[] = ["topics", "concepts", "prerequisites", "items"];

/**
 * One entry of a concept's own `prerequisites` list: an id, `"id=0.5"` (as in the CSV), or
 * `{conceptId | prerequisiteId | id, weight}` (as createConcept takes it).
 */
function inlinePrerequisite(conceptId: unknown, entry: unknown): Record<string, unknown> | null {
  if (typeof entry === "string") {
    const eq = entry.lastIndexOf("=");
    return eq > 0
      ? { conceptId, prerequisiteId: entry.slice(0, eq).trim(), weight: Number(entry.slice(eq + 1).trim()) }
      : { conceptId, prerequisiteId: entry.trim(), weight: 1 };
  }
  if (typeof entry === "object" && entry !== null && !Array.isArray(entry)) {
    const e = entry as Record<string, unknown>;
    return { conceptId, prerequisiteId: e.prerequisiteId ?? e.conceptId ?? e.id, weight: e.weight };
  }
  return null;
}

/**
 * Reads the JSON exchange format `{topics?, concepts, prerequisites, items}` (what export writes).
 * A concept may also list its own `prerequisites` (as the CSV's column and createConcept do):
 * they become rows of the prerequisites section, reported at the concept's row.
 */
export function parseJson(text: string): ParsedDocument {
  const problems: ParsedDocument["problems"] = [];
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    problems.push({ code: "PARSE_ERROR", message: `JSON could not be read: ${(err as Error).message}`, section: "concepts", row: null });
    return { format: "JSON", rows: [], problems };
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    problems.push({ code: "PARSE_ERROR", message: "JSON must be an object with concepts, prerequisites and items.", section: "concepts", row: null });
    return { format: "JSON", rows: [], problems };
  }
  const rows: RawRow[] = [];
  for (const section of SECTIONS) {
    const list = (doc as Record<string, unknown>)[section];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      problems.push({ code: "PARSE_ERROR", message: `'${section}' must be an array.`, section, row: null });
      continue;
    }
    list.forEach((value: unknown, i) => {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        problems.push({ code: "PARSE_ERROR", message: `${section}[${i}] must be an object.`, section, row: i + 1 });
      } else if (section === "concepts" && "prerequisites" in value) {
        const { prerequisites, ...concept } = value as Record<string, unknown>;
        rows.push({ section, row: i + 1, value: concept });
        if (prerequisites === null || prerequisites === undefined) return;
        if (!Array.isArray(prerequisites)) {
          problems.push({ code: "PARSE_ERROR", message: `concepts[${i}].prerequisites must be an array.`, section, row: i + 1 });
          return;
        }
        prerequisites.forEach((entry: unknown, j) => {
          const edge = inlinePrerequisite(concept.id, entry);
          if (edge) rows.push({ section: "prerequisites", row: i + 1, value: edge });
          else problems.push({ code: "PARSE_ERROR", message: `concepts[${i}].prerequisites[${j}] must be an id or an object with prerequisiteId.`, section, row: i + 1 });
        });
      } else {
        rows.push({ section, row: i + 1, value: value as Record<string, unknown> });
      }
    });
  }
  return { format: "JSON", rows, problems };
}
