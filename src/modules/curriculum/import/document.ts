/**
 * The curriculum exchange format. `frontier export` writes it and `frontier import` reads it,
 * so a round trip is lossless; CSV rows are parsed into the same shape.
 */
export interface TopicRecord {
  id: string;
  name: string;
  level: string;
  parentId: string | null;
}

export interface ConceptRecord {
  id: string;
  name: string;
  description: string | null;
  tags: string[];
  topicId: string | null;
  attributes: Record<string, string>;
}

export interface PrerequisiteRecord {
  conceptId: string;
  prerequisiteId: string;
  weight: number;
}

export interface ItemLinkRecord {
  conceptId: string;
  weight: number;
}

export interface ItemRecord {
  id: string;
  kind: string;
  title: string;
  /** Logits; null when the file gives none (not the same as 0). */
  difficulty: number | null;
  url: string | null;
  assesses: ItemLinkRecord[];
  attributes: Record<string, string>;
}

export interface CurriculumDocument {
  format: "frontier-curriculum";
  version: 1;
  topics: TopicRecord[];
  concepts: ConceptRecord[];
  prerequisites: PrerequisiteRecord[];
  items: ItemRecord[];
}

export type Section = "topics" | "concepts" | "prerequisites" | "items";

/** A record as read from a file: loosely typed, with where it came from. */
export interface RawRow {
  section: Section;
  /** CSV: spreadsheet row number (header = 1). JSON: 1-based index within the section. */
  row: number | null;
  value: Record<string, unknown>;
}

export interface ParsedDocument {
  format: "CSV" | "JSON";
  rows: RawRow[];
  /** Problems found while reading (syntax, shape). */
  problems: Array<{ code: string; message: string; section: Section; row: number | null }>;
}
