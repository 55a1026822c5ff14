import { pino, type Logger } from "pino";

export type { Logger };

/** Structured JSON logs on stdout; secrets are redacted wherever they appear. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "frontier" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ["req.headers.authorization", "*.password", "*.token", "connectionParams.authorization"], censor: "[redacted]" },
  });
}
