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

@ObjectType({ description: "One problem found in an import, located by row." })
export class ImportProblem {
  @Field(() => ProblemSeverity)
  severity!: ProblemSeverity;

  @Field(() => String, {
    description:
      "PARSE_ERROR, MISSING_FIELD, INVALID_ID, INVALID_VALUE, DUPLICATE_ROW, DUPLICATE_ID, SELF_LOOP, CYCLE, UNKNOWN_PREREQUISITE, UNKNOWN_CONCEPT, UNKNOWN_TOPIC",
  })
  code!: string;

  @Field(() => String)
  message!: string;

  @Field(() => String, { description: "concepts, prerequisites, items or topics (CSV rows are concepts)." })
  section!: string;

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
