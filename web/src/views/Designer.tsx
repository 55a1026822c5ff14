import { useMutation, useQuery } from "@apollo/client/react";
import { print } from "graphql";
import { useEffect, useMemo, useState, type ChangeEvent, type FormEvent } from "react";
import { DagView, type DagEdge, type DagNode } from "../components/DagView";
import { errorInfo, type Frontier } from "../client";
import {
  AddPrerequisiteDocument,
  ConceptDetailDocument,
  ConceptNeighbourhoodDocument,
  CreateConceptDocument,
  CreateItemDocument,
  CurriculumReportDocument,
  DeleteConceptDocument,
  ImportCurriculumDocument,
  RemovePrerequisiteDocument,
  SearchConceptsDocument,
  UpdateConceptDocument,
  UpdatePrerequisiteDocument,
  type CurriculumChangedSubscription,
  type GraphDirection,
  type ImportCurriculumMutation,
  type ItemKind,
} from "../generated/graphql";
import { CurriculumChangedDocument } from "../generated/graphql";
import { useQueryParams } from "../router";

type Problem = { code: string; message: string; cycle?: string[]; dependents?: string[] } | null;

function problemOf(err: unknown): Problem {
  const e = errorInfo(err);
  const cycle = Array.isArray(e.extensions.cycle) ? (e.extensions.cycle as string[]) : undefined;
  const dependents = Array.isArray(e.extensions.dependents) ? (e.extensions.dependents as string[]) : undefined;
  return { code: e.code, message: e.message, ...(cycle ? { cycle } : {}), ...(dependents ? { dependents } : {}) };
}

function ProblemBox({ problem }: { problem: Problem }) {
  if (!problem) return null;
  return (
    <div className="error" role="alert" data-testid="problem">
      <strong>{problem.code}</strong>: {problem.message}
      {problem.cycle && <p>Cycle: {problem.cycle.join(" → ")}</p>}
    </div>
  );
}

function ConceptSearch({ onPick, label }: { onPick: (id: string) => void; label: string }) {
  const [search, setSearch] = useState("");
  const found = useQuery(SearchConceptsDocument, { variables: { search: search.trim() || null, first: 10 } });
  return (
    <div className="search">
      <label>
        {label} <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="name or description" />
      </label>
      <ul className="choices">
        {(found.data?.concepts.nodes ?? []).map((c) => (
          <li key={c.id}>
            <button type="button" className="linklike" onClick={() => onPick(c.id)}>
              {c.name}
            </button>{" "}
            <small>{c.id}</small>
          </li>
        ))}
      </ul>
      {found.data && <small>{found.data.concepts.totalCount} concepts match</small>}
    </div>
  );
}

function ImportPanel() {
  const [content, setContent] = useState<{ name: string; text: string; format: "CSV" | "JSON" } | null>(null);
  const [report, setReport] = useState<ImportCurriculumMutation["importCurriculum"] | null>(null);
  const [run, { loading }] = useMutation(ImportCurriculumDocument);
  const [problem, setProblem] = useState<Problem>(null);
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    const format = /\.json$/i.test(file.name) || text.trimStart().startsWith("{") ? "JSON" : "CSV";
    setContent({ name: file.name, text, format });
    setReport(null);
    setProblem(null);
    try {
      const r = await run({ variables: { format, content: text, dryRun: true, allowPartial: false } });
      setReport(r.data?.importCurriculum ?? null);
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const apply = async (allowPartial: boolean) => {
    if (!content) return;
    try {
      const r = await run({ variables: { format: content.format, content: content.text, dryRun: false, allowPartial } });
      setReport(r.data?.importCurriculum ?? null);
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const errors = report?.problems.filter((p) => p.severity === "ERROR").length ?? 0;
  return (
    <section aria-labelledby="h-import">
      <h2 id="h-import">Import</h2>
      <label>
        CSV or JSON file <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void onFile(e)} />
      </label>
      <ProblemBox problem={problem} />
      {report && (
        <div data-testid="import-report">
          <p role="status">
            {report.dryRun ? "Dry run of" : report.applied ? "Applied" : "Not applied:"} {content?.name}: {report.problems.length} problem(s), {errors} error(s);{" "}
            {report.counts.conceptsCreated} concepts created, {report.counts.conceptsUpdated} updated, {report.counts.prerequisitesCreated} prerequisites, {report.counts.itemsCreated} items
            {report.skippedRows ? `; ${report.skippedRows} rows skipped` : ""}.
          </p>
          {report.problems.length > 0 && (
            <div className="scroll" tabIndex={0} role="region" aria-label="Import problems">
              <table className="list">
                <thead>
                  <tr>
                    <th scope="col">Row</th>
                    <th scope="col">Section</th>
                    <th scope="col">Severity</th>
                    <th scope="col">Code</th>
                    <th scope="col">Ids</th>
                    <th scope="col">Message</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p, i) => (
                    <tr key={i} className={p.severity === "ERROR" ? "bad" : ""}>
                      <td>{p.row ?? ""}</td>
                      <td>{p.section}</td>
                      <td>{p.severity}</td>
                      <td>{p.code}</td>
                      <td>{(p.path ?? p.ids).join(p.path ? " → " : ", ")}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {report.dryRun && (
            <p className="actions">
              <button type="button" disabled={loading || errors > 0} onClick={() => void apply(false)}>
                Apply
              </button>
              <button type="button" disabled={loading} onClick={() => void apply(true)}>
                Apply the valid rows only
              </button>
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function ConceptEditor({ id, onDeleted, onChanged }: { id: string; onDeleted: () => void; onChanged: () => void }) {
  const detail = useQuery(ConceptDetailDocument, { variables: { id } });
  const c = detail.data?.concept;
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  useEffect(() => {
    setName(c?.name ?? "");
    setDescription(c?.description ?? "");
  }, [c?.id, c?.name, c?.description]);
  const [update] = useMutation(UpdateConceptDocument);
  const [del] = useMutation(DeleteConceptDocument);
  const [createItem] = useMutation(CreateItemDocument);
  const [problem, setProblem] = useState<Problem>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [item, setItem] = useState({ id: "", title: "", kind: "QUESTION" as ItemKind, difficulty: "" });
  if (!c) return detail.loading ? <p>Loading…</p> : <p>No concept {id}.</p>;
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      await update({ variables: { id, input: { name, description: description || null } } });
      setStatus("Saved.");
      onChanged();
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const remove = async (detach: boolean) => {
    setProblem(null);
    try {
      await del({ variables: { id, detach } });
      onDeleted();
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const addItem = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      await createItem({ variables: { input: { id: item.id, title: item.title, kind: item.kind, difficulty: item.difficulty.trim() === "" ? null : Number(item.difficulty), assesses: [{ conceptId: id, weight: 1 }] } } });
      setItem({ id: "", title: "", kind: "QUESTION", difficulty: "" });
      setStatus("Item created.");
      void detail.refetch();
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  return (
    <div className="editor">
      <form onSubmit={(e) => void save(e)} aria-label="Edit concept">
        <h3>{c.name}</h3>
        <p>
          <small>{c.id}</small> {c.topic && <small>· {c.topic.name}</small>}
        </p>
        <label>
          Name <input value={name} onChange={(e) => setName(e.target.value)} required />
        </label>
        <label>
          Description <textarea value={description} onChange={(e) => setDescription(e.target.value)} rows={2} />
        </label>
        <p className="actions">
          <button type="submit">Save</button>
          <button type="button" className="danger" onClick={() => void remove(false)}>
            Delete concept
          </button>
        </p>
      </form>
      <ProblemBox problem={problem} />
      {problem?.code === "CONFLICT" && problem.dependents && (
        <div className="warn" role="alert">
          <p>Required by: {problem.dependents.join(", ")}.</p>
          <button type="button" className="danger" onClick={() => void remove(true)}>
            Delete and detach its {problem.dependents.length} dependent edge(s)
          </button>
        </div>
      )}
      {status && <p role="status">{status}</p>}
      <h4>Items ({c.items.length})</h4>
      <ul>
        {c.items.map((it) => (
          <li key={it.id}>
            {it.title} <small>({it.kind.toLowerCase()}, {it.difficulty === null || it.difficulty === undefined ? "difficulty from its concepts" : `difficulty ${it.difficulty.toFixed(1)}`})</small>
          </li>
        ))}
      </ul>
      <form onSubmit={(e) => void addItem(e)} className="inline-form" aria-label="New item">
        <label>
          Item id <input value={item.id} onChange={(e) => setItem({ ...item, id: e.target.value })} required />
        </label>
        <label>
          Title <input value={item.title} onChange={(e) => setItem({ ...item, title: e.target.value })} required />
        </label>
        <label>
          Kind{" "}
          <select value={item.kind} onChange={(e) => setItem({ ...item, kind: e.target.value as ItemKind })}>
            {["QUESTION", "EXERCISE", "VIDEO", "READING"].map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <label>
          Difficulty <input type="number" step="0.1" placeholder="from its concepts" value={item.difficulty} onChange={(e) => setItem({ ...item, difficulty: e.target.value })} />
        </label>
        <button type="submit">Add item</button>
      </form>
    </div>
  );
}

function NewConcept({ onCreated }: { onCreated: (id: string) => void }) {
  const [v, setV] = useState({ id: "", name: "", description: "" });
  const [create] = useMutation(CreateConceptDocument);
  const [problem, setProblem] = useState<Problem>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    try {
      const r = await create({ variables: { input: { id: v.id, name: v.name, description: v.description || null } } });
      setV({ id: "", name: "", description: "" });
      if (r.data) onCreated(r.data.createConcept.id);
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="inline-form" aria-label="New concept">
      <label>
        Id <input value={v.id} onChange={(e) => setV({ ...v, id: e.target.value })} required />
      </label>
      <label>
        Name <input value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} required />
      </label>
      <label>
        Description <input value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
      </label>
      <button type="submit">Create concept</button>
      <ProblemBox problem={problem} />
    </form>
  );
}

export function DesignerView({ frontier }: { frontier: Frontier }) {
  const [params, setParams] = useQueryParams();
  const root = params.get("concept");
  const depth = Number(params.get("depth") ?? 2);
  const direction = (params.get("direction") ?? "BOTH") as GraphDirection;
  const graph = useQuery(ConceptNeighbourhoodDocument, { variables: { rootIds: root ? [root] : [], depth, direction }, skip: !root });
  const report = useQuery(CurriculumReportDocument);
  const [selected, setSelected] = useState<string | null>(null);
  const [edge, setEdge] = useState<DagEdge | null>(null);
  const [weight, setWeight] = useState("1");
  const [prereq, setPrereq] = useState("");
  const [problem, setProblem] = useState<Problem>(null);
  const [changes, setChanges] = useState<CurriculumChangedSubscription["curriculumChanged"][]>([]);
  const [add] = useMutation(AddPrerequisiteDocument);
  const [reweight] = useMutation(UpdatePrerequisiteDocument);
  const [remove] = useMutation(RemovePrerequisiteDocument);
  const focus = selected ?? root;
  useEffect(() => {
    setSelected(null);
    setEdge(null);
    setProblem(null);
  }, [root]);
  // Edits by anyone (this tab included) arrive here after they commit: refresh what is shown.
  useEffect(
    () =>
      frontier.ws.subscribe<CurriculumChangedSubscription>(
        { query: print(CurriculumChangedDocument), variables: {} },
        {
          next: (r) => {
            const c = r.data?.curriculumChanged;
            if (!c) return;
            setChanges((xs) => (xs.some((x) => x.id === c.id) ? xs : [c, ...xs].slice(0, 20)));
            void graph.refetch().catch(() => undefined);
            void report.refetch().catch(() => undefined);
          },
          error: () => undefined,
          complete: () => undefined,
        },
      ),
    [frontier, root, depth, direction],
  );
  const g = graph.data?.conceptGraph;
  const cycle = problem?.cycle ?? [];
  const { nodes, edges } = useMemo(() => {
    const ns: DagNode[] = (g?.nodes ?? []).map((n) => ({ id: n.concept.id, label: n.concept.name, root: n.concept.id === root }));
    const es: DagEdge[] = (g?.edges ?? []).map((e) => ({ conceptId: e.conceptId, prerequisiteId: e.prerequisiteId, weight: e.weight }));
    // A refused edge's cycle: show every concept on it, and the edge that would have closed it.
    const have = new Set(ns.map((n) => n.id));
    for (const id of cycle) {
      if (have.has(id)) continue;
      ns.push({ id, label: id });
      have.add(id);
    }
    if (cycle.length > 1 && focus && prereq) es.push({ conceptId: focus, prerequisiteId: prereq, weight: 1, proposed: true });
    return { nodes: ns, edges: es };
  }, [g, root, cycle.join("|")]);
  const name = (id: string) => g?.nodes.find((n) => n.concept.id === id)?.concept.name ?? id;
  const addEdge = async (e: FormEvent) => {
    e.preventDefault();
    if (!focus) return;
    setProblem(null);
    try {
      await add({ variables: { conceptId: focus, prerequisiteId: prereq.trim(), weight: Number(weight) } });
      await graph.refetch();
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const edgeAction = async (action: "reweight" | "remove") => {
    if (!edge) return;
    setProblem(null);
    try {
      if (action === "remove") await remove({ variables: { conceptId: edge.conceptId, prerequisiteId: edge.prerequisiteId } });
      else await reweight({ variables: { conceptId: edge.conceptId, prerequisiteId: edge.prerequisiteId, weight: Number(weight) } });
      setEdge(null);
      await graph.refetch();
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  const r = report.data?.curriculumReport;
  const pick = (id: string) => setParams({ concept: id });
  return (
    <div className="designer">
      <h1>Curriculum studio</h1>
      <div className="studio">
        <aside>
          <ConceptSearch label="Find a concept" onPick={pick} />
          <details>
            <summary>New concept</summary>
            <NewConcept onCreated={pick} />
          </details>
        </aside>
        <section aria-labelledby="h-graph" className="graph-pane">
          <h2 id="h-graph">{root ? `Around ${name(root)}` : "Choose a concept to see its neighbourhood"}</h2>
          {root && (
            <>
              <div className="toolbar">
                <label>
                  Depth{" "}
                  <select value={depth} onChange={(e) => setParams({ depth: e.target.value })}>
                    {[1, 2, 3, 4, 6, 8, 12].map((d) => (
                      <option key={d}>{d}</option>
                    ))}
                  </select>
                </label>
                <label>
                  Direction{" "}
                  <select value={direction} onChange={(e) => setParams({ direction: e.target.value })}>
                    <option value="BOTH">both</option>
                    <option value="PREREQUISITES">prerequisites</option>
                    <option value="DEPENDENTS">dependents</option>
                  </select>
                </label>
              </div>
              <DagView
                nodes={nodes}
                edges={edges}
                highlight={cycle}
                selected={focus}
                onSelectNode={(id) => {
                  setSelected(id);
                  setEdge(null);
                }}
                onSelectEdge={(e) => {
                  setEdge(e);
                  setWeight(String(e.weight));
                }}
                onOpenNode={pick}
              />
              <ProblemBox problem={problem} />
              <form onSubmit={(e) => void addEdge(e)} className="inline-form" aria-label="Add prerequisite">
                <span>{focus ? name(focus) : ""} requires</span>
                <label>
                  Prerequisite id <input value={prereq} onChange={(e) => setPrereq(e.target.value)} list="graph-ids" required />
                </label>
                <datalist id="graph-ids">
                  {(g?.nodes ?? []).map((n) => (
                    <option key={n.concept.id} value={n.concept.id}>
                      {n.concept.name}
                    </option>
                  ))}
                </datalist>
                <label>
                  Weight <input type="number" min="0.05" max="1" step="0.05" value={weight} onChange={(e) => setWeight(e.target.value)} />
                </label>
                <button type="submit">Add prerequisite</button>
              </form>
              {edge && (
                <div className="inline-form" role="group" aria-label="Selected edge">
                  <span>
                    {name(edge.conceptId)} requires {name(edge.prerequisiteId)} (weight {edge.weight})
                  </span>
                  <button type="button" onClick={() => void edgeAction("reweight")}>
                    Set weight {weight}
                  </button>
                  <button type="button" className="danger" onClick={() => void edgeAction("remove")}>
                    Remove edge
                  </button>
                </div>
              )}
              <details>
                <summary>The graph as a list ({edges.length} edges)</summary>
                <ul>
                  {edges.map((e) => (
                    <li key={`${e.conceptId}<-${e.prerequisiteId}`}>
                      <button type="button" className="linklike" onClick={() => {
                          setEdge(e);
                          setWeight(String(e.weight));
                        }}>
                        {name(e.conceptId)} requires {name(e.prerequisiteId)}
                      </button>{" "}
                      ({e.weight})
                    </li>
                  ))}
                </ul>
              </details>
              {focus && <ConceptEditor key={focus} id={focus} onDeleted={() => setParams({ concept: null })} onChanged={() => void graph.refetch()} />}
            </>
          )}
        </section>
      </div>
      <div className="panels">
        <section aria-labelledby="h-report">
          <h2 id="h-report">Curriculum report</h2>
          {r && (
            <>
              <p>
                {r.conceptCount} concepts, {r.itemCount} items, {r.prerequisiteCount} prerequisite edges; longest chain {r.longestChainLength}.
              </p>
              <ReportList title="Orphan concepts" ids={r.orphanConcepts} onPick={pick} />
              <ReportList title="Concepts without items" ids={r.conceptsWithoutItems} onPick={pick} />
              <ReportList title="Items without concepts" ids={r.itemsWithoutConcepts} />
              <h3>Redundant edges ({r.redundantEdges.length})</h3>
              <ul>
                {r.redundantEdges.slice(0, 50).map((e) => (
                  <li key={`${e.conceptId}<-${e.prerequisiteId}`}>
                    <button type="button" className="linklike" onClick={() => pick(e.conceptId)}>
                      {e.conceptId} requires {e.prerequisiteId}
                    </button>{" "}
                    is implied by {e.via.join(" → ")}
                  </li>
                ))}
              </ul>
              <h3>Longest chain</h3>
              <p>
                {r.longestChain.map((id, i) => (
                  <span key={id}>
                    {i > 0 && " → "}
                    <button type="button" className="linklike" onClick={() => pick(id)}>
                      {id}
                    </button>
                  </span>
                ))}
              </p>
            </>
          )}
        </section>
        <ImportPanel />
        <section aria-labelledby="h-changes">
          <h2 id="h-changes">Recent edits (live)</h2>
          {changes.length === 0 ? <p>No edits since you opened the studio.</p> : (
            <ul className="feed" data-testid="curriculum-feed" tabIndex={0} aria-label="Recent edits">
              {changes.map((c) => (
                <li key={c.id}>
                  {c.entity.toLowerCase()} {c.entityId} {c.operation.toLowerCase()}
                  {c.summary ? `: ${c.summary}` : ""}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function ReportList({ title, ids, onPick }: { title: string; ids: string[]; onPick?: (id: string) => void }) {
  return (
    <>
      <h3>
        {title} ({ids.length})
      </h3>
      {ids.length > 0 && (
        <ul className="compact">
          {ids.slice(0, 50).map((id) => (
            <li key={id}>
              {onPick ? (
                <button type="button" className="linklike" onClick={() => onPick(id)}>
                  {id}
                </button>
              ) : (
                id
              )}
            </li>
          ))}
          {ids.length > 50 && <li>and {ids.length - 50} more</li>}
        </ul>
      )}
    </>
  );
}
