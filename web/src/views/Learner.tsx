import { useMutation, useQuery } from "@apollo/client/react";
import { print } from "graphql";
import { useEffect, useState, type FormEvent } from "react";
import { errorInfo, type Frontier } from "../client";
import {
  LearnerPathDocument,
  MyMasteryChangedDocument,
  PlacementDocument,
  RecordAnswerDocument,
  SearchConceptsDocument,
  SetGoalDocument,
  WhatNextDocument,
  type MyMasteryChangedSubscription,
} from "../generated/graphql";

let counter = 0;
/** An event id unique to this answer: a retried request is then a DUPLICATE, never counted twice. */
function eventId(learnerId: string): string {
  counter += 1;
  const rand = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  return `web-${learnerId}-${rand}-${counter}`;
}

function useOwnChanges(frontier: Frontier, learnerId: string) {
  const [changes, setChanges] = useState<MyMasteryChangedSubscription["masteryChanged"][]>([]);
  useEffect(() => {
    setChanges([]);
    return frontier.ws.subscribe<MyMasteryChangedSubscription>(
      { query: print(MyMasteryChangedDocument), variables: { learnerId } },
      {
        next: (r) => {
          const c = r.data?.masteryChanged;
          if (c) setChanges((xs) => (xs.some((x) => x.id === c.id) ? xs : [c, ...xs].slice(0, 10)));
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }, [frontier, learnerId]);
  return changes;
}

function GoalForm({ learnerId, onSet }: { learnerId: string; onSet: () => void }) {
  const [search, setSearch] = useState("");
  const found = useQuery(SearchConceptsDocument, { variables: { search, first: 8 }, skip: search.trim().length < 2 });
  const [setGoal, { error }] = useMutation(SetGoalDocument);
  return (
    <div className="goal-form">
      <label>
        Find a goal <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. equations" />
      </label>
      <ul className="choices">
        {(found.data?.concepts.nodes ?? []).map((c) => (
          <li key={c.id}>
            <button type="button" onClick={() => void setGoal({ variables: { learnerId, conceptId: c.id } }).then(onSet, () => undefined)}>
              Aim for {c.name}
            </button>
          </li>
        ))}
      </ul>
      {error && <p className="error" role="alert">{`${errorInfo(error).code}: ${errorInfo(error).message}`}</p>}
    </div>
  );
}

export function LearnerView({ frontier, learnerId }: { frontier: Frontier; learnerId: string }) {
  const next = useQuery(WhatNextDocument, { variables: { learnerId } });
  const hasGoal = Boolean(next.data?.learner?.goal);
  // A learning path needs a goal: asked for only when there is one.
  const path = useQuery(LearnerPathDocument, { variables: { learnerId }, skip: !hasGoal });
  const [placementOpen, setPlacementOpen] = useState(false);
  const placement = useQuery(PlacementDocument, { variables: { learnerId }, skip: !placementOpen, fetchPolicy: "network-only" });
  const [record] = useMutation(RecordAnswerDocument);
  const changes = useOwnChanges(frontier, learnerId);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const answer = async (itemId: string, correct: boolean, source?: string) => {
    setMessage(null);
    setBusy(true);
    try {
      await recordAndRefresh(itemId, correct, source);
    } finally {
      setBusy(false);
    }
  };
  /** A video or reading seen to the end: a CONTENT_VIEW (a learning opportunity, not evidence). */
  const view = async (itemId: string) => {
    setMessage(null);
    setBusy(true);
    try {
      await recordAndRefresh(itemId, null, "web-app");
    } finally {
      setBusy(false);
    }
  };
  const recordAndRefresh = async (itemId: string, correct: boolean | null, source?: string) => {
    try {
      const base = { eventId: eventId(learnerId), learnerId, itemId, occurredAt: new Date().toISOString(), source: source ?? "web-app" };
      const event = correct === null ? { ...base, kind: "CONTENT_VIEW" as const, watchFraction: 1 } : { ...base, kind: "ANSWER" as const, correct };
      const r = await record({ variables: { events: [event] } });
      const res = r.data?.recordEvents;
      const bad = res?.results.find((x) => x.status === "REJECTED");
      setMessage(bad ? `Not recorded: ${bad.code}, ${bad.reason}` : `Recorded: ${res?.masteryChangeCount ?? 0} mastery change(s).`);
    } catch (err) {
      const e = errorInfo(err);
      setMessage(`${e.code}: ${e.message}`);
      return;
    }
    try {
      await Promise.all([next.refetch(), hasGoal ? path.refetch() : Promise.resolve(), placementOpen ? placement.refetch() : Promise.resolve()]);
    } catch (err) {
      const e = errorInfo(err);
      setMessage(`${e.code}: ${e.message}`);
    }
  };
  const learner = next.data?.learner;
  if (next.error) return <p className="error" role="alert">{`${errorInfo(next.error).code}: ${errorInfo(next.error).message}`}</p>;
  if (next.data && !learner) return <p>No learner {learnerId}.</p>;
  return (
    <div className="learner">
      <h1>What next</h1>
      {message && (
        <p role="status" className="status">
          {message}
        </p>
      )}
      <ol className="recs" data-testid="recommendations" aria-busy={busy}>
        {(learner?.recommendations ?? []).map((r) => (
          <li key={`${r.kind}/${r.concept.id}`} data-concept={r.concept.id}>
            <h2>
              {r.concept.name} <span className={`kind kind-${r.kind}`}>{r.kind.toLowerCase()}</span>
            </h2>
            <p>{r.explanation}</p>
            {r.items.length === 0 && (
              <p>
                <small>No item at the right difficulty for you yet: ask your teacher, or try a neighbouring concept.</small>
              </p>
            )}
            <ul className="items">
              {r.items.map((it) => (
                <li key={it.item.id}>
                  <span>
                    {it.item.title}{" "}
                    <small>
                      {it.item.kind === "QUESTION" || it.item.kind === "EXERCISE"
                        ? `(${it.item.kind.toLowerCase()}, you would get it right ${Math.round(it.predictedCorrect * 100)}% of the time)`
                        : `(${it.item.kind.toLowerCase()})`}
                    </small>
                  </span>
                  {(it.item.kind === "VIDEO" || it.item.kind === "READING") && (
                    <span className="answer">
                      <button type="button" disabled={busy} onClick={() => void view(it.item.id)} aria-label={`I have seen ${it.item.title}`}>
                        Seen it
                      </button>
                    </span>
                  )}
                  {(it.item.kind === "QUESTION" || it.item.kind === "EXERCISE") && (
                    <span className="answer">
                      <button type="button" disabled={busy} onClick={() => void answer(it.item.id, true)} aria-label={`I answered ${it.item.title} correctly`}>
                        Right
                      </button>
                      <button type="button" disabled={busy} onClick={() => void answer(it.item.id, false)} aria-label={`I answered ${it.item.title} wrongly`}>
                        Wrong
                      </button>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {learner && learner.recommendations.length === 0 && <p>Nothing to recommend right now.</p>}
      <div className="panels">
        <section aria-labelledby="h-changes">
          <h2 id="h-changes">Your latest progress</h2>
          {changes.length === 0 ? <p>Answer a question to see your mastery change.</p> : (
            <ul className="feed" tabIndex={0} aria-label="Your latest progress">
              {changes.map((c) => (
                <li key={c.id}>{c.explanation}</li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="h-goal">
          <h2 id="h-goal">Goal and path</h2>
          {path.data?.learner?.learningPath && learner?.goal ? (
            <>
              <p>{path.data.learner.learningPath.explanation}</p>
              <ol>
                {path.data.learner.learningPath.steps.map((s) => (
                  <li key={s.concept.id}>
                    {s.concept.name}: about {s.estimatedPractice} answers (mastery {s.mastery.toFixed(2)})
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p>No goal yet.</p>
          )}
          <GoalForm learnerId={learnerId} onSet={() => void next.refetch().then(() => path.refetch()).catch(() => undefined)} />
        </section>
        <section aria-labelledby="h-review">
          <h2 id="h-review">Review</h2>
          {(learner?.reviewQueue ?? []).length === 0 ? <p>Nothing due for review.</p> : (
            <ul>
              {learner?.reviewQueue.map((r) => (
                <li key={r.concept.id}>
                  {r.concept.name}: due {new Date(r.dueAt).toLocaleDateString()}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="h-placement">
          <h2 id="h-placement">Placement</h2>
          {!placementOpen ? (
            <button type="button" onClick={() => setPlacementOpen(true)}>
              Find my level
            </button>
          ) : placement.data?.learner?.placement ? (
            <PlacementBox p={placement.data.learner.placement} onAnswer={(itemId, correct) => void answer(itemId, correct, "placement")} />
          ) : (
            <p>Loading…</p>
          )}
        </section>
      </div>
    </div>
  );
}

function PlacementBox({
  p,
  onAnswer,
}: {
  p: { done: boolean; questionsAsked: number; explanation: string; nextItem?: { id: string; title: string } | null; nextConcept?: { name: string } | null };
  onAnswer: (itemId: string, correct: boolean) => void;
}) {
  const submit = (e: FormEvent) => e.preventDefault();
  return (
    <form onSubmit={submit}>
      <p>{p.explanation}</p>
      {!p.done && p.nextItem && (
        <p>
          Question {p.questionsAsked + 1}: {p.nextItem.title} ({p.nextConcept?.name}){" "}
          <button type="button" onClick={() => onAnswer(p.nextItem!.id, true)}>
            Right
          </button>{" "}
          <button type="button" onClick={() => onAnswer(p.nextItem!.id, false)}>
            Wrong
          </button>
        </p>
      )}
    </form>
  );
}
