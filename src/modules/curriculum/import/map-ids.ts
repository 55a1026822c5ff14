import { isValidId } from "../../../common/validation.js";
import type { ParsedDocument, RawRow, Section } from "./document.js";

/** The id-valued fields of each section (item links are handled apart). */
const ID_FIELDS: Record<Section, readonly string[]> = {
  topics: ["id", "parentId"],
  concepts: ["id", "topicId"],
  prerequisites: ["conceptId", "prerequisiteId"],
  items: ["id"],
};

/**
 * The id an import uses for a designer's id that is not a valid Frontier id ("angle types"):
 * accents dropped, every run of other characters turned into '-', leading and trailing
 * separators removed. Null when nothing valid remains. A valid id is never changed.
 */
export function slugId(value: string): string | null {
  if (isValidId(value)) return value;
  const slug = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._:-]+/g, "-")
    .replace(/^[^A-Za-z0-9]+/, "")
    .replace(/[-._:]+$/, "")
    .slice(0, 128);
  return slug !== "" && isValidId(slug) ? slug : null;
}

export interface IdMapping {
  from: string;
  to: string;
  section: Section;
  row: number | null;
}

/**
 * Rewrites every id-valued field through `slugId`, the same way wherever the id appears (a
 * concept, the prerequisites that name it, the items that assess it), so a public curriculum
 * with ids like "angle types" imports whole. Each distinct rewritten id is returned once, with
 * its first row, for the report (ID_MAPPED warnings). Ids with no valid slug are left for the
 * validator to report as INVALID_ID.
 */
export function mapIds(parsed: ParsedDocument): { parsed: ParsedDocument; mappings: IdMapping[] } {
  const seen = new Map<string, IdMapping>();
  const map = (row: RawRow, value: unknown): unknown => {
    if (typeof value !== "string" || value === "") return value;
    const to = slugId(value.trim() === value ? value : value.trim());
    if (to === null || to === value) return value;
    if (!seen.has(value)) seen.set(value, { from: value, to, section: row.section, row: row.row });
    return to;
  };
  const rows = parsed.rows.map((row) => {
    const value = { ...row.value };
    for (const field of ID_FIELDS[row.section] ?? []) if (field in value) value[field] = map(row, value[field]);
    if (row.section === "items" && Array.isArray(value.assesses)) {
      value.assesses = value.assesses.map((l: unknown) =>
        typeof l === "object" && l !== null ? { ...(l as Record<string, unknown>), conceptId: map(row, (l as Record<string, unknown>).conceptId) } : map(row, l),
      );
    }
    return { ...row, value };
  });
  return { parsed: { ...parsed, rows }, mappings: [...seen.values()] };
}
