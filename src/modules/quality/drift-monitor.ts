import type { Logger } from "../../logger.js";
import type { DriftReportRecord, DriftService } from "./drift.service.js";

/** One source whose incoming evidence drifted: the features that newly reached PSI_DRIFTED. */
export interface DriftAlertRecord {
  /** `source@detectedAt`: unique per alert, so a client caches each one under its own id. */
  id: string;
  source: string;
  /** The features newly drifted, with their PSI (higher first). */
  features: Array<{ feature: string; psi: number }>;
  /** Every feature of the source drifted now (the new ones included). */
  drifted: string[];
  calibrationShift: number | null;
  recentFrom: number;
  baselineFrom: number;
  detectedAt: number;
}

export interface DriftWindows {
  recentDays: number;
  baselineDays: number;
}

/**
 * Watches the drift report (docs/drift.md) and raises an alert when a source's feature newly
 * drifts: each check computes the report with the configured windows, compares each source's
 * drifted features with the previous check's, and publishes one alert per source that gained
 * some (`driftDetected`, for admins), logged as a warning too. A feature that recovers is
 * forgotten, so drifting again alerts again. Checks run every `intervalMs` (DRIFT_CHECK_INTERVAL_MS),
 * whenever `/metrics` refreshes its drift gauges, and on `checkDrift`; concurrent checks share one
 * computation. State is per process: each server computes the same report from the shared
 * database and tells its own subscribers, and a restarted server announces current drift once.
 */
export class DriftMonitor {
  private readonly drifted = new Map<string, Set<string>>();
  private running: Promise<{ report: DriftReportRecord; alerts: DriftAlertRecord[] }> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly drift: DriftService,
    private readonly windows: DriftWindows,
    private readonly publish: (alert: DriftAlertRecord) => void,
    private readonly logger: Pick<Logger, "warn" | "error"> | null = null,
  ) {}

  /** Computes the report (all sources, or only `sources`) and raises the alerts it implies. */
  check(sources: string[] | null = null): Promise<{ report: DriftReportRecord; alerts: DriftAlertRecord[] }> {
    if (sources === null && this.running) return this.running;
    const run = this.drift.report({ ...this.windows, sources }).then((report) => ({ report, alerts: this.observe(report) }));
    if (sources === null) {
      this.running = run;
      const clear = () => {
        if (this.running === run) this.running = null;
      };
      run.then(clear, clear);
    }
    return run;
  }

  /** Compares a report with the last one seen per source; publishes and returns the new alerts. */
  observe(report: DriftReportRecord, now = Date.now()): DriftAlertRecord[] {
    const alerts: DriftAlertRecord[] = [];
    for (const s of report.sources) {
      const drifted = s.features.filter((f) => f.level === "DRIFTED" && f.psi !== null);
      const before = this.drifted.get(s.source) ?? new Set<string>();
      const fresh = drifted.filter((f) => !before.has(f.feature));
      if (drifted.length === 0) this.drifted.delete(s.source);
      else this.drifted.set(s.source, new Set(drifted.map((f) => f.feature)));
      if (fresh.length === 0) continue;
      const alert: DriftAlertRecord = {
        id: `${s.source}@${now}`,
        source: s.source,
        features: fresh.map((f) => ({ feature: f.feature, psi: f.psi as number })).sort((a, b) => b.psi - a.psi),
        drifted: drifted.map((f) => f.feature),
        calibrationShift: s.calibrationShift,
        recentFrom: report.recentFrom,
        baselineFrom: report.baselineFrom,
        detectedAt: now,
      };
      this.logger?.warn({ source: s.source, features: alert.features, calibrationShift: s.calibrationShift }, "incoming evidence drifted");
      alerts.push(alert);
      this.publish(alert);
    }
    return alerts;
  }

  /** Checks every `intervalMs` (0: never) until `stop`; the timer never keeps the process alive. */
  start(intervalMs: number): void {
    this.stop();
    if (intervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.check().catch((err: unknown) => this.logger?.error({ err }, "drift check failed; it runs again at the next interval"));
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
