import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { ConceptResolver, PrerequisiteEdgeResolver } from "../modules/curriculum/concept.resolver.js";
import { ImportResolver } from "../modules/curriculum/import/import.resolver.js";
import { ItemConceptLinkResolver, ItemResolver } from "../modules/curriculum/item.resolver.js";
import { PrerequisiteResolver } from "../modules/curriculum/prerequisite.resolver.js";
import { TopicResolver } from "../modules/curriculum/topic.resolver.js";
import { AlertsResolver } from "../modules/alerts/alerts.resolver.js";
import { EventsResolver } from "../modules/events/events.resolver.js";
import { ClassCorrectionsResolver, CorrectionsResolver, LearnerCorrectionsResolver } from "../modules/events/corrections.resolver.js";
import { EvidenceResolver } from "../modules/evidence/evidence.resolver.js";
import { ClassroomResolver, LearnerResolver } from "../modules/learners/learner.resolver.js";
import { MasteryResolver } from "../modules/mastery/mastery.resolver.js";
import { ClassroomViewsResolver, RecommendationResolver } from "../modules/recommendations/recommendation.resolver.js";
import { LiveResolver } from "../modules/live/live.resolver.js";
import { DerivedLiveResolver } from "../modules/live/derived.resolver.js";
import { AuditResolver } from "../modules/audit/audit.resolver.js";
import { DriftAlertResolver, QualityResolver } from "../modules/quality/quality.resolver.js";
import { ExperimentResolver, ExperimentVariantResolver } from "../modules/experiments/experiment.resolver.js";
import { ClassPracticeResolver, PracticeResolver } from "../modules/practice/practice.resolver.js";
import { MilestoneLiveResolver } from "../modules/live/milestone.resolver.js";
import { ItemEffectivenessResolver, ReportEffectivenessResolver } from "../modules/effectiveness/effectiveness.resolver.js";
import { createAuthChecker } from "./auth-checker.js";
import { applyOperationBudget } from "./budget.js";

export const resolvers = [
  ConceptResolver,
  PrerequisiteEdgeResolver,
  PrerequisiteResolver,
  ItemResolver,
  ItemConceptLinkResolver,
  TopicResolver,
  ImportResolver,
  LearnerResolver,
  ClassroomResolver,
  EventsResolver,
  EvidenceResolver,
  CorrectionsResolver,
  ClassCorrectionsResolver,
  LearnerCorrectionsResolver,
  MasteryResolver,
  AlertsResolver,
  QualityResolver,
  DriftAlertResolver,
  AuditResolver,
  RecommendationResolver,
  ClassroomViewsResolver,
  ExperimentResolver,
  ExperimentVariantResolver,
  PracticeResolver,
  ClassPracticeResolver,
  ItemEffectivenessResolver,
  ReportEffectivenessResolver,
  LiveResolver,
  DerivedLiveResolver,
  MilestoneLiveResolver,
] as const;

export interface SchemaOptions {
  publicCurriculum: boolean;
  /** Wall-clock budget of one operation's expensive fields, ms (graphql/budget.ts); none when unset. */
  operationBudgetMs?: number;
}

/**
 * Builds the executable schema. Every decorator names its GraphQL type explicitly, so this works
 * with or without emitted decorator metadata (tsc and esbuild-based tools alike).
 */
export async function buildFrontierSchema(options: SchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers],
    authChecker: createAuthChecker(options.publicCurriculum),
    validate: { forbidUnknownValues: false, stopAtFirstError: false },
    // Subscriptions bring their own `subscribe` (the LiveHub, with per-event authorisation);
    // type-graphql still wants a PubSub, which topic-based subscriptions would use. We have none.
    pubSub: {
      publish: () => undefined,
      subscribe: () => {
        throw new Error("Frontier subscriptions use their own subscribe function, not topics.");
      },
    },
    emitSchemaFile: false,
  });
  return options.operationBudgetMs === undefined ? schema : applyOperationBudget(schema, options.operationBudgetMs);
}

/** The SDL committed as schema/schema.graphql (sorted, so it diffs cleanly). */
export function printFrontierSchema(schema: GraphQLSchema): string {
  return `# Emitted by \`npm run schema\` from the type-graphql classes in src/. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
