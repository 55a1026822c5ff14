import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import dagre from "cytoscape-dagre";
import { useEffect, useRef } from "react";

cytoscape.use(dagre);

export interface DagNode {
  id: string;
  label: string;
  root?: boolean;
}
export interface DagEdge {
  /** The concept that requires. */
  conceptId: string;
  prerequisiteId: string;
  weight: number;
  proposed?: boolean;
}

/**
 * The prerequisite graph as a layered DAG (cytoscape + dagre): prerequisites above, the concepts
 * that need them below. Labels are set as data, which cytoscape draws on a canvas: a name is never
 * parsed as markup.
 */
export function DagView({
  nodes,
  edges,
  highlight,
  selected,
  onSelectNode,
  onSelectEdge,
  onOpenNode,
}: {
  nodes: DagNode[];
  edges: DagEdge[];
  highlight: string[];
  selected: string | null;
  onSelectNode: (id: string) => void;
  onSelectEdge: (e: DagEdge) => void;
  onOpenNode: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef({ onSelectNode, onSelectEdge, onOpenNode });
  handlers.current = { onSelectNode, onSelectEdge, onOpenNode };
  useEffect(() => {
    if (!box.current) return;
    const core = cytoscape({
      container: box.current,
      style: [
        { selector: "node", style: { label: "data(label)", "text-wrap": "wrap", "text-max-width": "120px", "font-size": 11, "text-valign": "center", "text-halign": "center", shape: "round-rectangle", width: 130, height: 36, "background-color": "#e8f1f8", "border-color": "#2c7fb8", "border-width": 1, color: "#1a1a1a" } },
        { selector: "node[?root]", style: { "border-width": 3, "background-color": "#cfe3f3" } },
        { selector: "node.selected", style: { "border-color": "#b35806", "border-width": 3 } },
        { selector: "node.cycle", style: { "background-color": "#fde0dd", "border-color": "#c51b8a", "border-width": 3 } },
        { selector: "edge", style: { width: "mapData(weight, 0, 1, 1, 4)", "line-color": "#7a8b99", "target-arrow-color": "#7a8b99", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
        { selector: "edge.cycle", style: { "line-color": "#c51b8a", "target-arrow-color": "#c51b8a", width: 4 } },
        { selector: "edge[?proposed]", style: { "line-style": "dashed" } },
      ],
    });
    core.on("tap", "node", (e) => handlers.current.onSelectNode(e.target.id()));
    core.on("dbltap", "node", (e) => handlers.current.onOpenNode(e.target.id()));
    core.on("tap", "edge", (e) => handlers.current.onSelectEdge(e.target.data("edge") as DagEdge));
    cy.current = core;
    return () => {
      core.destroy();
      cy.current = null;
    };
  }, []);
  useEffect(() => {
    const core = cy.current;
    if (!core) return;
    const cycleNodes = new Set(highlight);
    const cyclePairs = new Set<string>();
    for (let i = 0; i + 1 < highlight.length; i += 1) {
      cyclePairs.add(`${highlight[i]}>${highlight[i + 1]}`);
      cyclePairs.add(`${highlight[i + 1]}>${highlight[i]}`);
    }
    const els: ElementDefinition[] = [
      ...nodes.map((n) => ({ data: { id: n.id, label: n.label, root: Boolean(n.root) }, classes: [cycleNodes.has(n.id) ? "cycle" : "", selected === n.id ? "selected" : ""].join(" ") })),
      ...edges.map((e) => ({
        // Drawn from the prerequisite down to the concept that requires it.
        data: { id: `${e.conceptId}<-${e.prerequisiteId}`, source: e.prerequisiteId, target: e.conceptId, weight: e.weight, proposed: Boolean(e.proposed), edge: e },
        classes: cyclePairs.has(`${e.conceptId}>${e.prerequisiteId}`) ? "cycle" : "",
      })),
    ];
    core.batch(() => {
      core.elements().remove();
      core.add(els);
    });
    core.layout({ name: "dagre", rankDir: "TB", nodeSep: 20, rankSep: 50, animate: false } as cytoscape.LayoutOptions).run();
    core.fit(undefined, 20);
  }, [nodes, edges, highlight, selected]);
  return <div ref={box} className="dag" data-testid="graph" data-highlight={highlight.join(",")} role="img" aria-label={`Prerequisite graph: ${nodes.length} concepts, ${edges.length} edges. The same content is listed below.`} />;
}
