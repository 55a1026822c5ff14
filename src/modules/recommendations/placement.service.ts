import type { CurriculumService } from "../curriculum/curriculum.service.js";
import type { ClassroomRepository } from "./classroom.repository.js";
import type { Item } from "../curriculum/item.type.js";
import type { PlacementState } from "./placement.type.js";
import { Placement, type PlacementAnswer } from "../../domain/recommendations/placement.js";

/** Serves the adaptive placement from the learner's placement answers (events with source 'placement'). */
export class PlacementService {
  constructor(
    private readonly repo: ClassroomRepository,
    private readonly curriculum: CurriculumService,
  ) {}

  /** @param within concept ids to place over (a subject or topic), or null for the whole curriculum */
  async state(learnerId: string, within: string[] | null, itemsOf: (conceptId: string) => Promise<Item[]>): Promise<Omit<PlacementState, "learnerId" | "topicId">> {
    const row = await this.repo.placementData(learnerId);
    const scope = within ? new Set(within) : null;
    const ids = row.ids.filter((id) => !scope || scope.has(id));
    const prerequisites = new Map<string, string[]>();
    const dependents = new Map<string, string[]>();
    for (const [c, p] of row.edges) {
      if (scope && !(scope.has(c) && scope.has(p))) continue;
      prerequisites.set(c, [...(prerequisites.get(c) ?? []), p]);
      dependents.set(p, [...(dependents.get(p) ?? []), c]);
    }
    const known = new Set(ids);
    const answers: PlacementAnswer[] = row.answers.flatMap((a) =>
      a.conceptIds.filter((c) => known.has(c)).map((conceptId) => ({ conceptId, correct: a.score >= 0.5 })),
    );
    const placement = new Placement({ ids, prerequisites, dependents });
    const next = placement.next(answers);
    const beliefs = placement.beliefs(answers);
    const estimates = [...beliefs]
      .filter(([, b]) => b.asked || b.implied)
      .map(([conceptId, b]) => ({ conceptId, ...b }))
      .sort((a, b) => a.conceptId.localeCompare(b.conceptId));
    let nextConcept = null;
    let nextItem: Item | null = null;
    if (next) {
      [nextConcept = null] = await this.curriculum.concepts([next.conceptId]);
      const questions = (await itemsOf(next.conceptId)).filter((i) => i.kind === "QUESTION" || i.kind === "EXERCISE");
      nextItem = questions.sort((a, b) => Math.abs(a.difficulty ?? 0) - Math.abs(b.difficulty ?? 0) || a.id.localeCompare(b.id))[0] ?? null;
    }
    const implied = estimates.filter((e) => e.implied).length;
    return {
      done: next === null,
      questionsAsked: answers.length,
      nextConcept,
      nextItem,
      expectedGain: next?.gain ?? null,
      estimates,
      explanation: `${answers.length} question${answers.length === 1 ? "" : "s"} answered; ${implied} concept${implied === 1 ? "" : "s"} placed by implication along prerequisites (marked implied)${next ? "" : "; placement is complete"}.`,
    };
  }
}
