import { ArgsType, Field, Int, ObjectType } from "type-graphql";
import { IsOptional, Max, Min, MaxLength } from "class-validator";
import { BadUserInputError } from "../../errors/errors.js";

@ObjectType({ description: "Relay-style page information." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: "True when this page was asked for `after` a cursor (pages run forward only)." })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The cursor of the page's first object." })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page." })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: "Page size, 1-100." })
  @Min(1)
  @Max(100)
  first!: number;

  @Field(() => String, { nullable: true, description: "Cursor from `pageInfo.endCursor`." })
  @IsOptional()
  @MaxLength(400)
  after?: string | null;
}

/** Cursors are opaque to clients: base64url of the last id seen. */
export const encodeCursor = (id: string): string => Buffer.from(`id:${id}`, "utf8").toString("base64url");

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const raw = Buffer.from(cursor, "base64url").toString("utf8");
  if (!raw.startsWith("id:") || raw.length < 4) {
    throw new BadUserInputError("Invalid cursor.", [{ path: "after", message: "not a cursor returned by this API" }]);
  }
  return raw.slice(3);
}

/** Builds a connection page from `limit + 1` rows fetched after the cursor. */
export function toPage<T extends { id: string }>(rows: T[], first: number, total: number, after: string | null) {
  const nodes = rows.slice(0, first);
  const head = nodes[0];
  const last = nodes[nodes.length - 1];
  return {
    totalCount: total,
    nodes,
    edges: nodes.map((node) => ({ cursor: encodeCursor(node.id), node })),
    pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: after !== null, startCursor: head ? encodeCursor(head.id) : null, endCursor: last ? encodeCursor(last.id) : null },
  };
}

type ClassType<T> = new (...args: never[]) => T;

/** Generic connection type: `class ConceptConnection extends Connection(Concept, "Concept") {}`. */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String)
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType()
  abstract class ConnectionType {
    @Field(() => Int, { description: "Number of objects matching the filters, over all pages." })
    totalCount!: number;

    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType], { description: "The page's objects, without cursors." })
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}
