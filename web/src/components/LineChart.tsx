import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

/** A time series (mastery over time) drawn by uPlot; the same numbers are listed in a table for screen readers. */
export function LineChart({ points, label, width = 560 }: { points: { t: number; y: number }[]; label: string; width?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || points.length === 0) return;
    const w = Math.min(width, el.parentElement?.clientWidth ?? width);
    const plot = new uPlot(
      {
        width: Math.max(240, w),
        height: 200,
        scales: { x: { time: true }, y: { range: [0, 1] } },
        axes: [{}, { values: (_u, ticks) => ticks.map((v) => v.toFixed(1)) }],
        series: [{}, { label, stroke: "#2c7fb8", width: 2, points: { show: true, size: 5 } }],
        legend: { show: false },
      },
      [points.map((p) => p.t / 1000), points.map((p) => p.y)],
      el,
    );
    return () => plot.destroy();
  }, [points, label, width]);
  return <div ref={ref} className="chart" role="img" aria-label={`${label}: ${points.length} points, latest ${points.at(-1)?.y.toFixed(2) ?? "none"}`} />;
}
