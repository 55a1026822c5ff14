import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ImportFormat {
  JSON = "JSON",
  CSV = "CSV",
}
registerEnumType(ImportFormat, { name: "ImportFormat" });

export enum ProblemSeverity {
  ERROR = "ERROR",
  WARNING = "WARNING",
}
registerEnumType(ProblemSeverity, {
  name: "ProblemSeverity",
  description:
    "ERROR rows are not imported (and block the import unless allowPartial); WARNING rows are imported or harmlessly ignored.",
});

export enum ImportProblemCode {
  PARSE_ERROR = "PARSE_ERROR",
  MISSING_FIELD = "MISSING_FIELD",
  INVALID_ID = "INVALID_ID",
  ID_MAPPED = "ID_MAPPED",
  INVALID_VALUE = "INVALID_VALUE",
  DUPLICATE_ROW = "DUPLICATE_ROW",
  DUPLICATE_ID = "DUPLICATE_ID",
  SELF_LOOP = "SELF_LOOP",
  CYCLE = "CYCLE",
  UNKNOWN_PREREQUISITE = "UNKNOWN_PREREQUISITE",
  UNKNOWN_CONCEPT = "UNKNOWN_CONCEPT",
  UNKNOWN_TOPIC = "UNKNOWN_TOPIC",
}
registerEnumType(ImportProblemCode, { name: "ImportProblemCode", description: "What is wrong with an import row (see README, Importing and exporting)." });

/** The sections of the JSON format (CSV rows are concepts), by their names in the file. */
export enum ImportSection {
  TOPICS = "topics",
  CONCEPTS = "concepts",
  PREREQUISITES = "prerequisites",
  ITEMS = "items",
}
registerEnumType(ImportSection, { name: "ImportSection" });

@ObjectType({ description: "One problem found in an import, located by row." })
export class ImportProblem {
  @Field(() => ProblemSeverity)
  severity!: ProblemSeverity;

  @Field(() => ImportProblemCode)
  code!: ImportProblemCode;

  @Field(() => String)
  message!: string;

  @Field(() => ImportSection, { description: "CSV rows are CONCEPTS." })
  section!: ImportSection;

  @Field(() => Int, {
    nullable: true,
    description: "CSV: the spreadsheet row (the header is row 1). JSON: the 1-based index in the section.",
  })
  row!: number | null;

  @Field(() => [ID])
  ids!: string[];

  @Field(() => [ID], { nullable: true, description: "For a cycle, the whole path (first id repeated at the end)." })
  path!: string[] | null;
}

@ObjectType()
export class ImportCounts {
  @Field(() => Int)
  conceptsCreated!: number;

  @Field(() => Int)
  conceptsUpdated!: number;

  @Field(() => Int)
  prerequisitesCreated!: number;

  @Field(() => Int)
  prerequisitesUpdated!: number;

  @Field(() => Int)
  itemsCreated!: number;

  @Field(() => Int)
  itemsUpdated!: number;

  @Field(() => Int)
  topicsWritten!: number;
}

@ObjectType({ description: "What an import did, or would do on a dry run, and every problem it found." })
export class ImportReport {
  @Field(() => ImportFormat)
  format!: ImportFormat;

  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean, { description: "True when the import wrote to the database." })
  applied!: boolean;

  @Field(() => Boolean, { description: "True when no ERROR problems were found." })
  valid!: boolean;

  @Field(() => ImportCounts, { description: "Objects written, or that a dry run would write." })
  counts!: ImportCounts;

  @Field(() => Int, { description: "Rows left out because of ERROR problems (with allowPartial)." })
  skippedRows!: number;

  @Field(() => [ImportProblem])
  problems!: ImportProblem[];
}
