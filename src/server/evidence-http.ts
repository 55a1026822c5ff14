import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { AppError, ServiceUnavailableError } from "../errors/errors.js";
import type { ErrorCode } from "../errors/codes.js";
import type { StatementOutcome } from "../modules/evidence/evidence.service.js";
import { IntakeError } from "../modules/evidence/evidence.service.js";
import { authenticate } from "./context.js";
import type { TransportDeps } from "./deps.js";
import { bodyErrorHandler, RETRY_AFTER_S, sendGraphqlError } from "./http-errors.js";

/** xAPI 1.0.x, and 2.0 (its `X-Experience-API-Version` is `2.0.0`). */
const VERSION = /^(1\.0(\.\d+)?|2\.0(\.\d+)?)$/;
const BODY_LIMIT = "8mb";
/** Outcome details go in a header up to this size; beyond it, the counts only. */
const MAX_HEADER = 8 * 1024;

const STATUS: Partial<Record<ErrorCode, number>> = { BAD_REQUEST: 400, BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/** JSON with every non-ASCII character escaped: safe as an HTTP header value. */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

function evidenceHeader(outcomes: readonly StatementOutcome[]): string {
  const details = asciiJson(outcomes.map((o) => ({ id: o.id, status: o.status, code: o.code, reason: o.reason })));
  if (details.length <= MAX_HEADER) return details;
  const count = (s: string) => outcomes.filter((o) => o.status === s).length;
  return asciiJson({ accepted: count("ACCEPTED"), duplicates: count("DUPLICATE"), notEvidence: count("NOT_EVIDENCE"), truncated: true });
}

/**
 * The evidence intake over HTTP: `/xapi/statements` (PUT, POST, GET ?statementId=), `/xapi/about`
 * and `POST /caliper`. Same bearer tokens and rate limits as /graphql; every failure is a JSON
 * error body with `extensions.code` and the status the xAPI or Caliper specification gives.
 */
export function evidenceRouter(opts: TransportDeps, rateLimit: RequestHandler): Router {
  const { services, verifier, logger, metrics } = opts;
  const router = express.Router();

  const fail = (req: Request, res: Response, err: unknown) => {
    if (err instanceof AppError) {
      const status = err instanceof IntakeError ? err.status : (STATUS[err.code] ?? ((err.extensions.http as { status?: number } | undefined)?.status ?? 400));
      if (err instanceof ServiceUnavailableError) res.setHeader("retry-after", String(RETRY_AFTER_S));
      const { code: _code, http: _http, ...extensions } = err.extensions as Record<string, unknown>;
      return sendGraphqlError(req, res, status, err.code, err.message, extensions);
    }
    logger.error({ err, requestId: res.locals.requestId as string }, "unexpected error in the evidence intake (masked for the client)");
    sendGraphqlError(req, res, 500, "INTERNAL_SERVER_ERROR", "Internal server error. The server log has the details.");
  };
  const handle = (work: (req: Request, res: Response) => Promise<void>): RequestHandler => (req, res) => {
    work(req, res).catch((err: unknown) => fail(req, res, err));
  };
  const user = (req: Request) => authenticate(req.header("authorization"), verifier);
  const json = [express.json({ limit: BODY_LIMIT, type: ["application/json", "application/ld+json"] }), bodyErrorHandler(logger, BODY_LIMIT)];

  router.get("/xapi/about", (_req, res) => {
    res.setHeader("x-experience-api-version", "1.0.3");
    res.json({ version: ["1.0.3", "2.0.0"], extensions: { "https://frontier.dev/xapi/extensions/scope": "statement producer: PUT, POST, GET ?statementId=" } });
  });

  // The version header comes first: a request without a supported one is refused before anything else.
  router.use("/xapi/statements", rateLimit, (req, res, next) => {
    const version = req.header("x-experience-api-version");
    res.setHeader("x-experience-api-version", version?.startsWith("2.") ? "2.0.0" : "1.0.3");
    if (!version || !VERSION.test(version.trim())) {
      return sendGraphqlError(req, res, 400, "BAD_REQUEST", `X-Experience-API-Version must be 1.0.x or 2.0 (got ${version === undefined ? "none" : `'${version.slice(0, 40)}'`}).`);
    }
    res.locals.xapiVersion = version.trim();
    next();
  });

  const write = handle(async (req, res) => {
    if (!req.is("application/json")) throw new IntakeError("BAD_REQUEST", "Send statements as application/json (attachments and multipart/mixed are not supported).", 400);
    const statementId = req.method === "PUT" ? String(req.query.statementId ?? "") : null;
    if (req.method === "POST" && req.query.statementId !== undefined) throw new IntakeError("BAD_REQUEST", "POST takes no statementId (use PUT to store a statement under a given id).", 400);
    const caller = await user(req);
    const { ids, outcomes } = await services.evidence.putStatements(caller, req.body as unknown, { statementId, version: res.locals.xapiVersion as string });
    for (const o of outcomes) metrics.evidence.inc({ format: "xapi", status: o.status });
    res.setHeader("x-frontier-evidence", evidenceHeader(outcomes));
    if (req.method === "PUT") res.status(204).end();
    else res.status(200).json(ids);
  });
  router.put("/xapi/statements", ...json, write);
  router.post("/xapi/statements", ...json, write);
  router.get(
    "/xapi/statements",
    handle(async (req, res) => {
      const params = Object.keys(req.query).filter((k) => k !== "cachebuster");
      const statementId = req.query.statementId;
      if (typeof statementId !== "string" || params.length !== 1) {
        throw new IntakeError("BAD_REQUEST", "Only GET ?statementId= is supported (Frontier is a statement producer's endpoint, not a full LRS).", 400);
      }
      const { json: body, outcome } = await services.evidence.getStatement(await user(req), statementId);
      res.setHeader("x-frontier-evidence", evidenceHeader([outcome]));
      res.status(200).type("application/json").send(body);
    }),
  );
  router.all("/xapi/statements", (req, res) => {
    res.setHeader("allow", "GET, PUT, POST");
    sendGraphqlError(req, res, 405, "BAD_REQUEST", `${req.method} is not supported on /xapi/statements.`);
  });

  router.post(
    "/caliper",
    rateLimit,
    ...json,
    handle(async (req, res) => {
      if (!req.is("application/json") && !req.is("application/ld+json")) throw new IntakeError("BAD_REQUEST", "Send the Caliper envelope as application/json.", 415);
      const { outcomes, entities } = await services.evidence.caliper(await user(req), req.body as unknown);
      for (const o of outcomes) metrics.evidence.inc({ format: "caliper", status: o.status });
      res.status(200).json({ results: outcomes.map((o) => ({ id: o.id, status: o.status, code: o.code, reason: o.reason })), entities });
    }),
  );
  return router;
}
