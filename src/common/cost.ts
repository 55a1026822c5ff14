import type { ComplexityEstimatorArgs } from "graphql-query-complexity";

/** Cost of a paginated list: its children once per requested row. */
export const perPage = ({ args, childComplexity }: ComplexityEstimatorArgs): number =>
  1 + childComplexity * Math.max(1, Number(args.first ?? 20));

/** Cost of an unpaginated nested list, assumed to hold up to `n` rows. */
export const perRows =
  (n: number) =>
  ({ childComplexity }: ComplexityEstimatorArgs): number =>
    1 + childComplexity * n;

/**
 * List sizes known for one caller before execution, by "Type.field" (a teacher's number of
 * classes, their largest class): the estimate uses them instead of the field's assumed size.
 */
export type KnownListSizes = Partial<Record<"Query.myClasses" | "Classroom.learners", number>>;
