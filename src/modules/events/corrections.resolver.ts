import { Arg, Authorized, Ctx, FieldResolver, Float, ID, Int, Mutation, Resolver, Root } from "type-graphql";
import { hasRole, Role } from "../../auth/roles.js";
import { BadUserInputError } from "../../errors/errors.js";
import type { Context } from "../../server/context.js";
import { assertId } from "../common/args.js";
import { Classroom, Learner } from "../learners/learner.type.js";
import type { CorrectionRecord, Corrector } from "./corrections.service.js";
import { Correction } from "./corrections.type.js";

const MAX_REASON = 500;

const toCorrection = (c: CorrectionRecord): Correction => ({
  id: c.id,
  learnerId: c.learnerId,
  conceptId: c.conceptId,
  p: c.p,
  before: c.before,
  after: c.after,
  reason: c.note,
  by: c.by,
  byRole: c.byRole,
  at: new Date(c.at),
  seq: c.seq,
  active: c.revertedAt === null,
  revertedAt: c.revertedAt === null ? null : new Date(c.revertedAt),
  revertedBy: c.revertedBy,
  revertReason: c.revertNote,
});

function corrector(ctx: Context): Corrector {
  const user = ctx.user as NonNullable<Context["user"]>;
  return { sub: user.sub, role: hasRole(user, Role.ADMIN) ? "ADMIN" : "TEACHER" };
}

function reasonText(name: string, value: string | null, required: boolean): string | null {
  const text = value?.trim() ?? "";
  if (required && text === "") throw new BadUserInputError(`'${name}' is required: say why.`, [{ path: name, message: "empty" }]);
  if (text.length > MAX_REASON) throw new BadUserInputError(`'${name}' is at most ${MAX_REASON} characters.`, [{ path: name, message: "too long" }]);
  return text === "" ? null : text;
}

@Resolver()
export class CorrectionsResolver {
  @Authorized(Role.TEACHER, Role.ADMIN)
  @Mutation(() => Correction, {
    description: "Sets a learner's mastery of a concept to p from now on (later evidence updates it from there). For the learner's teachers and admins; kept with who, when, why, before and after.",
  })
  async correctMastery(
    @Arg("learnerId", () => ID) learnerId: string,
    @Arg("conceptId", () => ID) conceptId: string,
    @Arg("p", () => Float) p: number,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: Context,
  ): Promise<Correction> {
    assertId("learnerId", learnerId);
    assertId("conceptId", conceptId);
    if (!(p >= 0 && p <= 1)) throw new BadUserInputError("'p' must be in [0, 1].", [{ path: "p", message: "out of range" }]);
    const note = reasonText("reason", reason, true) as string;
    await ctx.services.access.assertTeaches(ctx.user, learnerId);
    return toCorrection(await ctx.services.corrections.correct(learnerId, conceptId, p, note, corrector(ctx)));
  }

  @Authorized(Role.TEACHER, Role.ADMIN)
  @Mutation(() => Correction, { description: "Undoes a correction: the learner's evidence is replayed without it. The correction stays in the log, marked reverted." })
  async revertCorrection(
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { nullable: true }) reason: string | null,
    @Ctx() ctx: Context,
  ): Promise<Correction> {
    assertId("id", id);
    const note = reasonText("reason", reason, false);
    const done = await ctx.services.corrections.revert(id, note, corrector(ctx), (c) => ctx.services.access.assertTeaches(ctx.user, c.learnerId));
    return toCorrection(done);
  }
}

/** A class's correction log (its teachers and admins). */
@Resolver(() => Classroom)
export class ClassCorrectionsResolver {
  @FieldResolver(() => [Correction], { description: "Teachers' corrections of this class's learners, newest first (reverted ones included)." })
  async corrections(@Root() classroom: Classroom, @Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() ctx: Context): Promise<Correction[]> {
    await ctx.services.access.assertCanReadClass(ctx.user, classroom.id);
    const learners = await ctx.services.learners.learnersOfClass(classroom.id);
    return (await ctx.services.corrections.list(learners.map((l) => l.id), Math.min(Math.max(limit, 1), 500))).map(toCorrection);
  }
}

/** A learner sees who corrected them and why (reached through `learner(id)`, which checks access). */
@Resolver(() => Learner)
export class LearnerCorrectionsResolver {
  @FieldResolver(() => [Correction], { description: "Teachers' corrections of this learner's mastery, newest first (reverted ones included)." })
  async corrections(@Root() learner: Learner, @Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() ctx: Context): Promise<Correction[]> {
    return (await ctx.services.corrections.list([learner.id], Math.min(Math.max(limit, 1), 500))).map(toCorrection);
  }
}
