import { parse } from "csv-parse/sync";
import type { ParsedDocument, RawRow } from "./document.js";

const KNOWN = new Set(["id", "name", "prerequisites", "description", "tags", "topicid"]);

/** Splits "a, b=0.5 ,c" into ids with optional weights; empty pieces are dropped. */
function splitList(cell: string): string[] {
  return cell
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Reads a concepts spreadsheet: header row `id,name,prerequisites,description,tags` (any order,
 * case-insensitive), `prerequisites` and `tags` comma-separated inside one quoted cell, a
 * prerequisite optionally weighted as `id=0.5`, an optional `topicId` column, and any other
 * column kept as an attribute. Tolerates a UTF-8 BOM, CRLF and blank lines; row numbers are the
 * spreadsheet's (header = row 1).
 */
export function parseCsv(text: string): ParsedDocument {
  const problems: ParsedDocument["problems"] = [];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (err) {
    const e = err as { message?: string; lines?: number };
    problems.push({ code: "PARSE_ERROR", message: `CSV could not be read: ${e.message ?? String(err)}`, section: "concepts", row: e.lines ?? null });
    return { format: "CSV", rows: [], problems };
  }
  const nonBlank = records.filter((r) => r.record.some((cell) => cell.length > 0));
  const header = nonBlank[0];
  if (!header) {
    problems.push({ code: "PARSE_ERROR", message: "CSV is empty: expected a header row.", section: "concepts", row: 1 });
    return { format: "CSV", rows: [], problems };
  }
  const columns = header.record.map((h) => h.trim());
  const lower = columns.map((c) => c.toLowerCase());
  for (const required of ["id", "name"]) {
    if (!lower.includes(required)) {
      problems.push({ code: "PARSE_ERROR", message: `CSV header lacks the '${required}' column.`, section: "concepts", row: header.info.lines });
    }
  }
  if (problems.length > 0) return { format: "CSV", rows: [], problems };

  const rows: RawRow[] = [];
  for (const { record, info } of nonBlank.slice(1)) {
    const cell = (name: string) => {
      const i = lower.indexOf(name);
      return i >= 0 ? (record[i] ?? "") : "";
    };
    const attributes: Record<string, string> = {};
    columns.forEach((col, i) => {
      const v = record[i] ?? "";
      if (!KNOWN.has(col.toLowerCase()) && v !== "") attributes[col] = v;
    });
    const prerequisites = splitList(cell("prerequisites")).map((piece) => {
      const eq = piece.lastIndexOf("=");
      return eq > 0
        ? { prerequisiteId: piece.slice(0, eq).trim(), weight: Number(piece.slice(eq + 1).trim()) }
        : { prerequisiteId: piece, weight: 1 };
    });
    rows.push({
      section: "concepts",
      row: info.lines,
      value: {
        id: cell("id"),
        name: cell("name"),
        description: cell("description") || null,
        tags: splitList(cell("tags")),
        topicId: cell("topicid") || null,
        attributes,
      },
    });
    for (const p of prerequisites) {
      rows.push({ section: "prerequisites", row: info.lines, value: { conceptId: cell("id"), ...p } });
    }
  }
  return { format: "CSV", rows, problems };
}
