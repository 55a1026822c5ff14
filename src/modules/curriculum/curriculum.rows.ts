import { z } from "zod";
import { ItemKind } from "./item.type.js";
import { TopicLevel } from "./topic.type.js";

/** How concepts, items and topics come back from Cypher (`c {.*, topicId: t.id}` and the like). */

const text = z.string();
const optionalText = z.string().nullish().transform((v) => v ?? null);
/**
 * A time: a Date (a datetime property, decoded by the driver) or epoch ms (`x.createdAt.epochMillis`,
 * which the hot reads return: decoding a datetime costs the driver several 64-bit integer
 * divisions, and the value is the same to the millisecond a Date holds).
 */
const instant = z.union([z.date(), z.number().transform((ms) => new Date(ms))]);

export const ConceptRow = z.object({
  id: text,
  name: text,
  description: optionalText,
  tags: z.array(text).nullish().transform((v) => v ?? []),
  createdAt: instant,
  updatedAt: instant,
  /** JSON object of extra properties, exposed through the `attributes` field resolver. */
  attributes: optionalText,
  topicId: optionalText,
});

export const ItemRow = z.object({
  id: text,
  kind: z.enum(ItemKind),
  title: text,
  // Null: the designer did not set one (not the same as 0, an average item).
  difficulty: z.number().nullish().transform((v) => v ?? null),
  url: optionalText,
  createdAt: instant,
  updatedAt: instant,
  attributes: optionalText,
});

export const TopicRow = z.object({
  id: text,
  name: text,
  level: z.enum(TopicLevel),
  parentId: optionalText,
});

export const EdgeRow = z.object({ conceptId: text, prerequisiteId: text, weight: z.number() });
export const LinkRow = z.object({ conceptId: text, weight: z.number() });
/** An edge as a list, `[conceptId, prerequisiteId, weight]` (closures send many). */
export const EdgeTuple = z.tuple([text, text, z.number()]);

export type ConceptRecord = z.output<typeof ConceptRow>;
export type ItemRecord = z.output<typeof ItemRow>;
export type TopicRecord = z.output<typeof TopicRow>;
