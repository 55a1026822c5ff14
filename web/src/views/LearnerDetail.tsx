import { useQuery } from "@apollo/client/react";
import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { errorInfo } from "../client";
import { LearnerDetailDocument, LearnerPathDocument, MasteryHistoryDocument } from "../generated/graphql";

// The chart library is loaded when a learner is opened, not with the dashboard.
const LineChart = lazy(() => import("../components/LineChart").then((m) => ({ default: m.LineChart })));

/** One learner, as a teacher sees them: mastery with its factors, history, recommendations, goal and path. */
export function LearnerDetail({ learnerId, conceptName, onClose, liveKey }: { learnerId: string; conceptName: (id: string) => string; onClose: () => void; liveKey: string }) {
  const { data, error, refetch } = useQuery(LearnerDetailDocument, { variables: { learnerId } });
  useEffect(() => {
    if (liveKey) void refetch().catch(() => undefined);
  }, [liveKey]);
  const learner = data?.learner;
  // A learning path needs a goal: asked for only when there is one.
  const path = useQuery(LearnerPathDocument, { variables: { learnerId }, skip: !learner?.goal });
  const learningPath = path.data?.learner?.learningPath;
  const mastery = useMemo(() => [...(learner?.mastery ?? [])].sort((a, b) => a.p - b.p), [learner]);
  const [conceptId, setConceptId] = useState<string | null>(null);
  const chosen = conceptId ?? mastery[0]?.conceptId ?? null;
  const history = useQuery(MasteryHistoryDocument, { variables: { learnerId, conceptId: chosen }, skip: !chosen });
  const points = useMemo(() => (history.data?.masteryHistory ?? []).map((c) => ({ t: Date.parse(c.at), y: c.after })), [history.data]);
  return (
    <section className="detail" aria-labelledby="h-learner">
      <div className="detail-head">
        <h2 id="h-learner">Learner {learnerId}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {error && <p className="error" role="alert">{`${errorInfo(error).code}: ${errorInfo(error).message}`}</p>}
      {learner && (
        <div className="detail-grid">
          <div>
            <h3>Mastery, weakest first</h3>
            {mastery.length === 0 ? <p>No evidence yet.</p> : (
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">Concept</th>
                    <th scope="col">p</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {mastery.map((m) => (
                    <tr key={m.conceptId} className={m.conceptId === chosen ? "chosen" : ""}>
                      <td>
                        <button type="button" className="linklike" onClick={() => setConceptId(m.conceptId)} aria-pressed={m.conceptId === chosen}>
                          {conceptName(m.conceptId)}
                        </button>
                      </td>
                      <td>{m.p.toFixed(2)}</td>
                      <td>{m.attempts}</td>
                      <td>{m.explanation.map((f) => f.text).join(" ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
          <div>
            {chosen && (
              <>
                <h3>{conceptName(chosen)} over time</h3>
                {points.length > 0 ? (
                  <Suspense fallback={<p>Loading the chart…</p>}>
                    <LineChart points={points} label={`Mastery of ${conceptName(chosen)}`} />
                  </Suspense>
                ) : (
                  <p>No changes recorded.</p>
                )}
              </>
            )}
            <h3>Recommended next</h3>
            <ol>
              {learner.recommendations.map((r) => (
                <li key={`${r.kind}/${r.concept.id}`}>
                  <strong>{r.concept.name}</strong> ({r.kind.toLowerCase()}): {r.explanation}
                </li>
              ))}
            </ol>
            <h3>Goal</h3>
            {learner.goal ? (
              <p>
                {conceptName(learner.goal.conceptId)}
                {learner.goal.targetDate ? ` by ${learner.goal.targetDate}` : ""}. {learningPath?.explanation}
              </p>
            ) : (
              <p>No goal set.</p>
            )}
            {learningPath && learningPath.steps.length > 0 && (
              <ol>
                {learningPath.steps.map((s) => (
                  <li key={s.concept.id}>
                    {s.concept.name}: mastery {s.mastery.toFixed(2)}, about {s.estimatedPractice} answers
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
