import { readFileSync } from "node:fs";
import { EvidenceBuilder, type AuditAnswer } from "../domain/audit/learner-evidence.js";
import { AUDIT_CONSTANTS } from "../domain/audit/prerequisite-audit.js";

/** Reads an NDJSON answer file (the ingest format) into the evidence table, learner by learner in time order. */
export function evidenceFromFile(file: string, onProgress?: (done: number, total: number) => void) {
  const lines = readFileSync(file, "utf8").split("\n");
  const byLearner = new Map<string, Array<{ at: number; line: number; answer: AuditAnswer }>>();
  lines.forEach((raw, line) => {
    if (raw.trim() === "") return;
    const r = JSON.parse(raw) as { learnerId: string; itemId?: string; conceptIds?: string[]; correct?: boolean; score?: number; occurredAt: string; kind?: string };
    if (r.kind && r.kind !== "ANSWER") return;
    const conceptIds = r.conceptIds ?? [];
    if (!r.learnerId || conceptIds.length === 0) return;
    const correct = typeof r.score === "number" ? r.score >= 0.5 : !!r.correct;
    const list = byLearner.get(r.learnerId) ?? [];
    list.push({ at: Date.parse(r.occurredAt), line, answer: { conceptIds, correct } });
    byLearner.set(r.learnerId, list);
  });
  const builder = new EvidenceBuilder(AUDIT_CONSTANTS);
  let done = 0;
  for (const list of byLearner.values()) {
    list.sort((a, b) => a.at - b.at || a.line - b.line);
    builder.addLearner(list.map((x) => x.answer));
    onProgress?.(++done, byLearner.size);
  }
  return builder.build();
}

