import type { ParsedDocument, RawRow, Section } from "./document.js";

const SECTIONS: Section[] = ["topics", "concepts", "prerequisites", "items"];

/** Reads the JSON exchange format `{topics?, concepts, prerequisites, items}` (what export writes). */
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
      } else {
        rows.push({ section, row: i + 1, value: value as Record<string, unknown> });
      }
    });
  }
  return { format: "JSON", rows, problems };
}
