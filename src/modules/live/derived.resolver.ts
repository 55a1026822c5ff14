import { Arg, Authorized, ID, Resolver, Root, Subscription } from "type-graphql";
import { CURRICULUM_READ, Role, type AuthUser } from "../../auth/roles.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import type { AlertRaisedRecord, CurriculumChangeRecord, RecommendationsChangeRecord } from "./live.records.js";
import { AlertKind } from "../alerts/alerts.type.js";
import type { DriftAlertRecord } from "../quality/drift-monitor.js";
import { driftAlert } from "../quality/quality.resolver.js";
import { DriftAlert } from "../quality/quality.type.js";
import { tokenExpired } from "./live.resolver.js";
import { CurriculumChange, RaisedAlert, RecommendationsChange, type CurriculumEntityKind, type CurriculumOperationKind } from "./live.types.js";

@Resolver()
export class DerivedLiveResolver {
  @Authorized(Role.LEARNER, Role.TEACHER, Role.ADMIN)
  @Subscription(() => RecommendationsChange, {
    description:
      "When the learner's top recommendations (concepts and kinds, in order) change, after new evidence or a curriculum edit. Query recommendations first, then subscribe.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const user = ctx.user as AuthUser;
      const learnerId = args.learnerId as string;
      assertId("learnerId", learnerId);
      await ctx.services.access.assertCanReadLearner(user, learnerId);
      const { hub, access, recommendations } = ctx.services.live;
      const release = await recommendations.watch(learnerId);
      return hub.recommendations.subscribe(async (r) => ((await access.canSeeLearner(user, learnerId)) ? r : null), {
        route: { name: "learner", keys: [learnerId] },
        isExpired: tokenExpired(user),
        onClose: release,
      });
    },
  })
  recommendationsChanged(@Root() r: RecommendationsChangeRecord, @Arg("learnerId", () => ID) _learnerId: string): RecommendationsChange {
    return { ...r, recordedAt: new Date(r.recordedAt) };
  }

  @Authorized(Role.TEACHER, Role.ADMIN)
  @Subscription(() => RaisedAlert, {
    description: "LOW_MASTERY alerts as evidence raises them in a class, under the class's alert rules. INACTIVE alerts are read with classroom.alerts.",
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      const user = ctx.user as AuthUser;
      const classId = args.classId as string;
      assertId("classId", classId);
      await ctx.services.access.assertCanReadClass(user, classId);
      const { hub, access, alerts } = ctx.services.live;
      const release = alerts.watch(classId);
      return hub.alerts.subscribe(async (a) => ((await access.canSeeClass(user, classId)) ? a : null), {
        route: { name: "class", keys: [classId] },
        isExpired: tokenExpired(user),
        onClose: release,
      });
    },
  })
  alertRaised(@Root() a: AlertRaisedRecord, @Arg("classId", () => ID) _classId: string): RaisedAlert {
    return { ...a, id: `${a.classId}/${a.learnerId}/${a.seq}`, kind: AlertKind.LOW_MASTERY, recordedAt: new Date(a.recordedAt) };
  }

  @Authorized(CURRICULUM_READ)
  @Subscription(() => CurriculumChange, {
    description: "Concepts, items, prerequisite edges and item links created, updated or deleted, and bulk imports, as they commit.",
    subscribe: ({ context }) => {
      const ctx = context as Context;
      const user = ctx.user;
      return ctx.services.live.hub.curriculum.subscribe((c) => c, { isExpired: user ? tokenExpired(user) : undefined });
    },
  })
  curriculumChanged(@Root() c: CurriculumChangeRecord): CurriculumChange {
    return { ...c, id: c.changeId, entityId: c.id, entity: c.entity as CurriculumEntityKind, operation: c.operation as CurriculumOperationKind, recordedAt: new Date(c.recordedAt), curriculumVersion: c.version ?? null };
  }

  @Authorized(Role.ADMIN)
  @Subscription(() => DriftAlert, {
    description: "A source's incoming evidence drifted (a feature newly at or above the PSI threshold, default windows DRIFT_RECENT_DAYS against DRIFT_BASELINE_DAYS), raised by each server's drift monitor: every DRIFT_CHECK_INTERVAL_MS, on /metrics refreshes and on checkDrift.",
    subscribe: ({ context }) => {
      const ctx = context as Context;
      const user = ctx.user;
      return ctx.services.live.hub.drift.subscribe((a) => a, { isExpired: user ? tokenExpired(user) : undefined });
    },
  })
  driftDetected(@Root() a: DriftAlertRecord): DriftAlert {
    return driftAlert(a);
  }
}
