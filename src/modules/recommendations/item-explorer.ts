import type { LearnerState } from "../../domain/mastery/model.js";
import type { Item } from "../curriculum/item.type.js";

/**
 * Orders a concept's in-band items for exploration (the effectiveness module implements it with
 * Thompson sampling; src/services.ts wires it, so recommendations never imports it). Called once
 * per request with the request's seed; the function it answers is called per concept.
 */
export type ItemExplorer = (seed: number) => Promise<<T extends { item: Item }>(conceptId: string, inBand: readonly T[], state: LearnerState) => { ordered: T[]; exploratory: boolean; band: string }>;
