import { useMutation, useQuery } from "@apollo/client/react";
import { print } from "graphql";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { errorInfo, type Frontier } from "../client";
import {
  ClassAlertRaisedDocument,
  ClassCatchUpDocument,
  ClassHeatmapDocument,
  ClassPanelsDocument,
  ClassMasteryChangedDocument,
  MyClassesDocument,
  SetAlertRulesDocument,
  TopicsWithConceptsDocument,
  type ClassAlertRaisedSubscription,
  type ClassMasteryChangedSubscription,
  type LiveChangeFragment,
} from "../generated/graphql";
import { BANDS, colourOf, groupColumns, sortRows, type ConceptInfo, type Direction, type RowSort } from "../heatmap/scale";
import { ChangeMerger } from "../live/merge";
import { useQueryParams } from "../router";
import { LearnerDetail } from "./LearnerDetail";

export function useConceptInfo(): Map<string, ConceptInfo> {
  const { data } = useQuery(TopicsWithConceptsDocument);
  return useMemo(() => {
    const m = new Map<string, ConceptInfo>();
    (data?.topics ?? []).forEach((t, i) => t.concepts.forEach((c) => m.set(c.id, { name: c.name, topicId: t.id, topicName: t.name, topicOrder: i })));
    return m;
  }, [data]);
}

const key = (learnerId: string, conceptId: string) => `${learnerId}\u0000${conceptId}`;
const FLASH_MS = 1500;
const CATCH_UP_PAGE = 1000;

interface LiveState {
  cells: Map<string, number>;
  /** Whether a cell's latest live change came from implied evidence (IMPLIED) rather than the learner's own answers. */
  impliedCells: Map<string, boolean>;
  flashing: Map<string, number>;
  feed: LiveChangeFragment[];
  extraConcepts: string[];
}

/**
 * The class's live changes: subscribe first, then catch up (on the first connect and after every
 * reconnect) with masteryChangesSince, merged by (learnerId, seq) so nothing shows twice or is missed.
 */
function useLiveClass(frontier: Frontier, classId: string | null, baselineKey: string) {
  const [state, setState] = useState<LiveState>({ cells: new Map(), impliedCells: new Map(), flashing: new Map(), feed: [], extraConcepts: [] });
  const merger = useRef(new ChangeMerger());
  useEffect(() => {
    setState({ cells: new Map(), impliedCells: new Map(), flashing: new Map(), feed: [], extraConcepts: [] });
    if (!classId) return;
    // Changes committed from a little before the page asked for its baseline (5 s for clock skew
    // between this browser and the server); replaying a change the baseline already holds is harmless.
    const since = new Date(Date.now() - 5_000).toISOString();
    const m = new ChangeMerger();
    merger.current = m;
    let stopped = false;
    const apply = (changes: LiveChangeFragment[]) => {
      const fresh = changes.filter((c) => m.accept(c));
      if (fresh.length === 0 || stopped) return;
      const now = performance.now();
      setState((s) => {
        const cells = new Map(s.cells);
        const impliedCells = new Map(s.impliedCells);
        const flashing = new Map(s.flashing);
        const extra = new Set(s.extraConcepts);
        for (const c of fresh) {
          cells.set(key(c.learnerId, c.conceptId), c.after);
          impliedCells.set(key(c.learnerId, c.conceptId), c.reason === "IMPLIED");
          flashing.set(key(c.learnerId, c.conceptId), now);
          extra.add(c.conceptId);
        }
        const feed = [...fresh.slice().reverse(), ...s.feed].slice(0, 30);
        return { cells, impliedCells, flashing, feed, extraConcepts: [...extra] };
      });
    };
    const unsubscribe = frontier.ws.subscribe<ClassMasteryChangedSubscription>(
      { query: print(ClassMasteryChangedDocument), variables: { classId } },
      {
        next: (r) => {
          if (r.data?.masteryChanged) apply([r.data.masteryChanged]);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    let running: Promise<void> = Promise.resolve();
    const catchUp = () => {
      running = running.then(async () => {
        for (;;) {
          if (stopped) return;
          const { data } = await frontier.apollo.query({
            query: ClassCatchUpDocument,
            variables: { classId, cursors: m.cursors(), since, limit: CATCH_UP_PAGE },
            fetchPolicy: "network-only",
          });
          const page = data?.masteryChangesSince ?? [];
          apply(page);
          if (page.length < CATCH_UP_PAGE) break;
          m.anchorAll();
        }
        m.anchorAll();
      }).catch(() => undefined);
    };
    let generation = frontier.connection.state === "connected" ? frontier.connection.generation : -1;
    if (generation >= 0) catchUp();
    const off = frontier.connection.subscribe((st) => {
      if (st === "connected" && frontier.connection.generation !== generation) {
        generation = frontier.connection.generation;
        catchUp();
      }
    });
    const timer = window.setInterval(() => {
      const now = performance.now();
      setState((s) => {
        if (s.flashing.size === 0) return s;
        const flashing = new Map([...s.flashing].filter(([, t]) => now - t < FLASH_MS));
        return flashing.size === s.flashing.size ? s : { ...s, flashing };
      });
    }, 250);
    return () => {
      stopped = true;
      unsubscribe();
      off();
      window.clearInterval(timer);
    };
  }, [frontier, classId, baselineKey]);
  return state;
}

function Legend() {
  return (
    <ul className="legend" aria-label="Colour scale: mastery">
      <li>
        <span className="swatch unpractised" aria-hidden="true" /> not practised yet (·)
      </li>
      <li>
        <span className="swatch implied" aria-hidden="true" /> * implied: a later concept that needs it was mastered; never answered directly
      </li>
      {BANDS.map((b) => (
        <li key={b.label}>
          <span className="swatch" style={{ background: b.colour }} aria-hidden="true" /> {b.label}
        </li>
      ))}
    </ul>
  );
}

function Heatmap({
  learnerIds,
  conceptIds,
  values,
  attempts,
  implied,
  live,
  info,
  onLearner,
}: {
  learnerIds: string[];
  conceptIds: string[];
  values: number[][];
  attempts: number[][];
  implied: boolean[][];
  live: LiveState;
  info: Map<string, ConceptInfo>;
  onLearner: (id: string) => void;
}) {
  const [rowSort, setRowSort] = useState<RowSort>({ by: "learner" });
  const [dir, setDir] = useState<Direction>("asc");
  const [weakestFirst, setWeakestFirst] = useState(false);
  const matrix = useMemo(() => {
    const ids = [...conceptIds, ...live.extraConcepts.filter((c) => !conceptIds.includes(c) && info.has(c))];
    // A cell nobody has evidence for (no attempt, no live change) holds the model's prior: shown as "not practised".
    // Implied mastery (never answered, raised by success on a concept that needs it) is evidence too: shown, and marked.
    const vals = learnerIds.map((l, i) => ids.map((c, j) => live.cells.get(key(l, c)) ?? ((attempts[i]?.[j] ?? 0) > 0 || implied[i]?.[j] === true ? (values[i]?.[j] ?? NaN) : NaN)));
    const marks = learnerIds.map((l, i) => ids.map((c, j) => live.impliedCells.get(key(l, c)) ?? implied[i]?.[j] === true));
    return { learnerIds, conceptIds: ids, values: vals.map((row) => row.map((v) => (Number.isNaN(v) ? 0.5 : v))), raw: vals, marks };
  }, [learnerIds, conceptIds, values, attempts, implied, live.cells, live.impliedCells, live.extraConcepts, info]);
  const rows = sortRows(matrix, rowSort, dir);
  const groups = groupColumns(matrix, info, weakestFirst);
  const name = (id: string) => info.get(id)?.name ?? id;
  const sortBy = (s: RowSort) => {
    const same = JSON.stringify(s) === JSON.stringify(rowSort);
    setRowSort(s);
    setDir(same ? (dir === "asc" ? "desc" : "asc") : s.by === "learner" ? "asc" : "desc");
  };
  const ariaSort = (s: RowSort) => (JSON.stringify(s) === JSON.stringify(rowSort) ? (dir === "asc" ? "ascending" : "descending") : "none");
  if (learnerIds.length === 0) return <p>No learners in this class yet.</p>;
  if (matrix.conceptIds.length === 0) return <p>No concept practised yet: the heatmap fills in as answers arrive.</p>;
  return (
    <div className="heatmap-wrap">
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={weakestFirst} onChange={(e) => setWeakestFirst(e.target.checked)} /> Weakest concepts first
        </label>
        <button type="button" onClick={() => sortBy({ by: "mean" })}>
          Sort learners by mean mastery
        </button>
      </div>
      <div className="scroll" tabIndex={0} role="region" aria-label="Mastery heatmap">
        <table className="heatmap" data-testid="heatmap">
          <caption className="visually-hidden">Mastery of each learner (rows) on each concept (columns), now</caption>
          <thead>
            <tr>
              <td />
              {groups.map((g) => (
                <th key={g.topicName} colSpan={g.columns.length} scope="colgroup" className="topic">
                  {g.topicName}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col" aria-sort={ariaSort({ by: "learner" })}>
                <button type="button" onClick={() => sortBy({ by: "learner" })}>
                  Learner
                </button>
              </th>
              {groups.flatMap((g) =>
                g.columns.map((j) => {
                  const id = matrix.conceptIds[j] as string;
                  return (
                    <th key={id} scope="col" className="concept" aria-sort={ariaSort({ by: "concept", conceptId: id })}>
                      <button type="button" onClick={() => sortBy({ by: "concept", conceptId: id })} title={`Sort learners by ${name(id)}`}>
                        {name(id)}
                      </button>
                    </th>
                  );
                }),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => {
              const l = matrix.learnerIds[i] as string;
              return (
                <tr key={l}>
                  <th scope="row">
                    <button type="button" onClick={() => onLearner(l)}>
                      {l}
                    </button>
                  </th>
                  {groups.flatMap((g) =>
                    g.columns.map((j) => {
                      const c = matrix.conceptIds[j] as string;
                      const raw = matrix.raw[i]?.[j] ?? NaN;
                      const known = !Number.isNaN(raw);
                      const p = known ? raw : 0.5;
                      const flash = live.flashing.has(key(l, c));
                      const isImplied = known && matrix.marks[i]?.[j] === true;
                      return (
                        <td
                          key={c}
                          className={`cell${flash ? " flash" : ""}${known ? "" : " unpractised"}${isImplied ? " implied" : ""}`}
                          style={known ? colourOf(p) : undefined}
                          data-learner={l}
                          data-concept={c}
                          data-p={known ? p.toFixed(3) : ""}
                          data-implied={isImplied ? "true" : undefined}
                          title={`${l}, ${name(c)}: ${known ? p.toFixed(2) : "not practised yet"}${isImplied ? " (implied: a later concept that needs it was mastered; never answered directly)" : ""}`}
                        >
                          {known ? `${Math.round(p * 100)}${isImplied ? "*" : ""}` : "·"}
                        </td>
                      );
                    }),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Legend />
    </div>
  );
}

function AlertRulesForm({ classId, rules }: { classId: string; rules: { lowMastery: number; minAttempts: number; inactiveDays?: number | null } }) {
  const [low, setLow] = useState(String(rules.lowMastery));
  const [min, setMin] = useState(String(rules.minAttempts));
  const [inactive, setInactive] = useState(rules.inactiveDays ? String(rules.inactiveDays) : "");
  const [save, { loading, error, data }] = useMutation(SetAlertRulesDocument);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void save({ variables: { classId, rules: { lowMastery: Number(low), minAttempts: Number(min), inactiveDays: inactive ? Number(inactive) : null } } }).catch(() => undefined);
  };
  return (
    <form onSubmit={submit} className="inline-form" aria-label="Alert rules">
      <label>
        Low mastery below <input type="number" step="0.05" min="0" max="1" value={low} onChange={(e) => setLow(e.target.value)} />
      </label>
      <label>
        after attempts <input type="number" min="1" value={min} onChange={(e) => setMin(e.target.value)} />
      </label>
      <label>
        inactive days <input type="number" min="1" max="365" value={inactive} onChange={(e) => setInactive(e.target.value)} placeholder="off" />
      </label>
      <button type="submit" disabled={loading}>
        Save rules
      </button>
      {error && <span className="error" role="alert">{`${errorInfo(error).code}: ${errorInfo(error).message}`}</span>}
      {data && !error && <span role="status">Saved.</span>}
    </form>
  );
}

function useAlerts(frontier: Frontier, classId: string | null) {
  const [raised, setRaised] = useState<ClassAlertRaisedSubscription["alertRaised"][]>([]);
  useEffect(() => {
    setRaised([]);
    if (!classId) return;
    return frontier.ws.subscribe<ClassAlertRaisedSubscription>(
      { query: print(ClassAlertRaisedDocument), variables: { classId } },
      {
        next: (r) => {
          const a = r.data?.alertRaised;
          if (a) setRaised((xs) => (xs.some((x) => x.id === a.id) ? xs : [a, ...xs].slice(0, 50)));
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
  }, [frontier, classId]);
  return raised;
}

export function TeacherView({ frontier }: { frontier: Frontier }) {
  const [params, setParams] = useQueryParams();
  const classes = useQuery(MyClassesDocument);
  const info = useConceptInfo();
  const topics = useQuery(TopicsWithConceptsDocument);
  const classId = params.get("class") ?? classes.data?.myClasses[0]?.id ?? null;
  const topicId = params.get("topic");
  const learnerId = params.get("learner");
  // The heatmap first, on its own: the panels' class-wide figures cost more and must not delay it.
  const dash = useQuery(ClassHeatmapDocument, { variables: { classId: classId ?? "", topicId }, skip: !classId });
  const panels = useQuery(ClassPanelsDocument, { variables: { classId: classId ?? "", topicId }, skip: !classId });
  const heatmap = dash.data?.classroom?.heatmap;
  const live = useLiveClass(frontier, classId, `${classId}|${topicId ?? ""}`);
  const raised = useAlerts(frontier, classId);
  const name = (id: string) => info.get(id)?.name ?? id;
  const firstTopic = topics.data?.topics[0]?.id;
  useEffect(() => {
    // A class that has practised nothing yet: show the first topic's concepts rather than nothing.
    if (!topicId && heatmap && heatmap.conceptIds.length === 0 && firstTopic) setParams({ topic: firstTopic });
  }, [topicId, heatmap, firstTopic]);
  if (classes.error) return <p className="error" role="alert">{errorInfo(classes.error).message}</p>;
  if (classes.data && classes.data.myClasses.length === 0) return <p>You teach no class yet.</p>;
  const room = panels.data?.classroom;
  const roomName = dash.data?.classroom?.name;
  return (
    <div className="teacher">
      <h1>Class dashboard</h1>
      <div className="toolbar">
        <label>
          Class{" "}
          <select value={classId ?? ""} onChange={(e) => setParams({ class: e.target.value, learner: null })}>
            {(classes.data?.myClasses ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Topic{" "}
          <select value={topicId ?? ""} onChange={(e) => setParams({ topic: e.target.value || null })}>
            <option value="">Every practised concept</option>
            {(topics.data?.topics ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {dash.error && <p className="error" role="alert">{`${errorInfo(dash.error).code}: ${errorInfo(dash.error).message}`}</p>}
      {heatmap && (
        <section aria-labelledby="h-heatmap">
          <h2 id="h-heatmap">{roomName}: mastery now</h2>
          <Heatmap learnerIds={heatmap.learnerIds} conceptIds={heatmap.conceptIds} values={heatmap.values} attempts={heatmap.attempts} implied={heatmap.implied} live={live} info={info} onLearner={(id) => setParams({ learner: id })} />
        </section>
      )}
      {learnerId && classId && <LearnerDetail learnerId={learnerId} conceptName={name} onClose={() => setParams({ learner: null })} liveKey={live.feed[0]?.id ?? ""} />}
      {room && (
        <div className="panels">
          <section aria-labelledby="h-live">
            <h2 id="h-live">Live changes</h2>
            {live.feed.length === 0 ? (
              <p>Waiting for answers…</p>
            ) : (
              <ol className="feed" data-testid="feed" tabIndex={0} aria-label="Live changes">
                {live.feed.map((c) => (
                  <li key={c.id} data-change={c.id}>
                    <strong>{c.learnerId}</strong>, {name(c.conceptId)}: {c.explanation}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section aria-labelledby="h-risk">
            <h2 id="h-risk">At risk</h2>
            {room.atRisk.length === 0 ? <p>No learner at risk.</p> : (
              <ul>
                {room.atRisk.map((a) => (
                  <li key={a.learnerId}>
                    <button type="button" className="linklike" onClick={() => setParams({ learner: a.learnerId })}>
                      {a.learnerId}
                    </button>{" "}
                    ({a.meanMastery.toFixed(2)}, trend {a.trend >= 0 ? "+" : ""}
                    {a.trend.toFixed(2)}): {a.reason}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="h-bottle">
            <h2 id="h-bottle">Bottlenecks</h2>
            {room.bottlenecks.length === 0 ? <p>None.</p> : (
              <ul>
                {room.bottlenecks.map((b) => (
                  <li key={b.concept.id}>
                    <strong>{b.concept.name}</strong>: {b.explanation}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="h-frontier">
            <h2 id="h-frontier">Class frontier</h2>
            {room.frontier.length === 0 ? <p>None.</p> : (
              <ul>
                {room.frontier.map((f) => (
                  <li key={f.concept.id}>
                    {f.concept.name}: {f.readyLearners} of {f.learners} ready
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="h-alerts">
            <h2 id="h-alerts">Alerts</h2>
            <AlertRulesForm key={classId} classId={room.id} rules={room.alertRules} />
            <ul className="feed" data-testid="alerts" tabIndex={0} aria-label="Alerts">
              {raised.map((a) => (
                <li key={a.id} className="new">
                  {a.text}
                </li>
              ))}
              {room.alerts.map((a) => (
                <li key={`${a.kind}/${a.learnerId}/${a.conceptId ?? ""}`}>{a.text}</li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </div>
  );
}
