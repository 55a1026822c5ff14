import neo4j, {
  Neo4jError,
  type Driver,
  type ManagedTransaction,
  type QueryResult,
  type RecordShape,
} from "neo4j-driver";
import { AppError, ConflictError, ServiceUnavailableError } from "../errors/errors.js";
import type { Logger } from "../logger.js";
import { cypher, type CypherQuery } from "./cypher.js";

const PING = cypher("health/ping");
/** Attempts of a read statement or a transaction before a transient error (deadlock, leader switch) reaches the caller. */
const TX_ATTEMPTS = 5;
/** First retry delay, ms; doubled per attempt, with jitter so colliding writers spread out. */
const RETRY_BASE_MS = 40;

/**
 * Errors that say the database cannot be reached (as opposed to a statement failing), including a
 * Neo4j that answers Bolt but whose database is stopping or starting (DatabaseUnavailable): trying
 * again within milliseconds cannot help, so these fail fast instead of being retried.
 */
const isUnreachable = (err: unknown): boolean =>
  err instanceof Neo4jError &&
  (err.code === "ServiceUnavailable" ||
    err.code === "SessionExpired" ||
    err.code === "Neo.TransientError.General.DatabaseUnavailable" ||
    (/connect|acquisition|ECONNREFUSED|ECONNRESET/i.test(err.message) && !err.code.startsWith("Neo.")));

/** Errors worth running the same work again for: deadlocks, lock timeouts, leader switches. */
const isTransient = (err: unknown): boolean =>
  err instanceof Neo4jError && !isUnreachable(err) && (err.code.startsWith("Neo.TransientError") || err.retryable);

const backoff = (attempt: number) => new Promise((r) => setTimeout(r, RETRY_BASE_MS * 2 ** (attempt - 1) * (0.5 + Math.random())));

export interface DatabaseOptions {
  /**
   * After Neo4j is found unreachable, answer SERVICE_UNAVAILABLE at once, instead of each request
   * waiting on a connection, until a probe (every 250 ms) gets an answer within 2 s. 0 turns fail-fast
   * off (each request then tries Neo4j itself); any other value is kept for compatibility.
   */
  failFastMs?: number;
}

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/** Converts driver values (nodes, temporals) into plain JS: nodes become their properties, date-times become Dates. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  // Strings and numbers are most of a result: skip the driver's type probes for them.
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (neo4j.isDateTime(value as never) || neo4j.isLocalDateTime(value as never) || neo4j.isDate(value as never)) {
    return new Date((value as { toString(): string }).toString());
  }
  if (neo4j.isNode(value as never) || neo4j.isRelationship(value as never)) {
    return toPlain((value as { properties: unknown }).properties);
  }
  if (typeof value === "object") {
    const out: Row = {};
    for (const [k, v] of Object.entries(value as Row)) out[k] = toPlain(v);
    return out;
  }
  return value;
}

function rows(result: QueryResult<RecordShape>): Row[] {
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}

/** A transaction handed to repository code: runs named queries only. */
export interface Tx {
  run(query: CypherQuery, params?: Params): Promise<Row[]>;
}

/**
 * The only code that opens sessions. Maps driver errors to our codes once:
 * constraint violations become CONFLICT, unreachable or overloaded databases SERVICE_UNAVAILABLE.
 * Anything else is rethrown as is and masked by the error formatter.
 */
export class Database {
  /** performance.now() until which requests fail fast; 0 while Neo4j is believed up. */
  private downUntil = 0;
  private probing = false;
  private readonly failFastMs: number;

  constructor(
    readonly driver: Driver,
    readonly database: string,
    private readonly logger: Logger,
    options: DatabaseOptions = {},
  ) {
    this.failFastMs = options.failFastMs ?? 5_000;
  }

  /** True while requests are answered SERVICE_UNAVAILABLE without trying Neo4j: a probe has not got an answer yet. */
  get failingFast(): boolean {
    return this.probing || this.downUntil > performance.now();
  }

  private guard(): void {
    if (this.failingFast) throw new ServiceUnavailableError();
  }

  /**
   * Neo4j was unreachable: fail fast until a probe gets an answer (each waits at most 2 s, so
   * probing never stalls), however long that takes, so a Neo4j that accepts connections but does
   * not answer yet (a database still starting) never holds requests.
   */
  private markDown(): void {
    if (this.failFastMs === 0) return;
    this.downUntil = performance.now() + this.failFastMs;
    if (this.probing) return;
    this.probing = true;
    const probe = async () => {
      if (await this.ping(2000)) {
        this.downUntil = 0;
        this.probing = false;
        this.logger.info("database reachable again");
        return;
      }
      setTimeout(() => void probe(), 250).unref();
    };
    setTimeout(() => void probe(), 250).unref();
  }

  /**
   * One read statement as an auto-commit transaction: RUN and PULL in one round trip, where a
   * managed transaction adds BEGIN and a COMMIT round trip (measurable on small reads). Retried
   * like a managed transaction when Neo4j says the failure is retryable.
   */
  async read(query: CypherQuery, params: Params = {}): Promise<Row[]> {
    this.guard();
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
      try {
        const started = performance.now();
        const result = await session.run(query.text, params);
        this.logger.trace({ query: query.name, ms: performance.now() - started }, "cypher");
        return rows(result);
      } catch (err) {
        if (!isTransient(err) || attempt >= TX_ATTEMPTS) throw this.mapError(err);
        this.logger.warn({ code: (err as Neo4jError).code, attempt, query: query.name }, "read failed; retrying");
        await backoff(attempt);
      } finally {
        await session.close();
      }
    }
  }

  async write(query: CypherQuery, params: Params = {}): Promise<Row[]> {
    return this.writeTx((tx) => tx.run(query, params));
  }

  async readTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction("READ", work);
  }

  async writeTx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction("WRITE", work);
  }

  /**
   * Runs one schema statement (constraint, index) in an auto-commit transaction, which schema
   * changes need. Only migrations call it, with statements read from cypher/schema.
   */
  async schemaCommand(statement: string, attempts = 6): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const session = this.driver.session({ database: this.database });
      try {
        await session.run(statement);
        return;
      } catch (err) {
        // Several instances (or test workers) migrating at once collide on schema locks: retry.
        const transient = err instanceof Neo4jError && (err.code.startsWith("Neo.TransientError") || err.retryable);
        if (!transient || attempt >= attempts) throw this.mapError(err);
        this.logger.warn({ code: (err as Neo4jError).code, attempt }, "schema command collided; retrying");
        await new Promise((r) => setTimeout(r, 200 * attempt));
      } finally {
        await session.close();
      }
    }
  }

  /**
   * True when a query answers within `timeoutMs` (ms), measured here: a Neo4j that accepts the
   * connection but does not answer (still starting) is "no" after that long, not a hang. Used by
   * /healthz and the outage probe.
   */
  async ping(timeoutMs = 2000): Promise<boolean> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const answered = session.run(PING.text, {}, { timeout: timeoutMs }).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([answered, late]);
    } finally {
      clearTimeout(timer);
      // A late answer still closes its session, in the background.
      void answered.finally(() => session.close());
    }
  }

  /**
   * A managed transaction, run again (bounded, with backoff) when Neo4j reports a transient error
   * such as a deadlock between concurrent writers, so callers see it only after TX_ATTEMPTS.
   * `work` must be safe to run again: it starts from its inputs each time.
   */
  private async transaction<T>(mode: "READ" | "WRITE", work: (tx: Tx) => Promise<T>): Promise<T> {
    this.guard();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactionOnce(mode, work);
      } catch (err) {
        if (!isTransient(err) || attempt >= TX_ATTEMPTS) throw this.mapError(err);
        this.logger.warn({ code: (err as Neo4jError).code, attempt, mode }, "transaction failed transiently; retrying");
        await backoff(attempt);
      }
    }
  }

  private async transactionOnce<T>(mode: "READ" | "WRITE", work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const wrap = (tx: ManagedTransaction): Tx => ({
      run: async (query, params = {}) => {
        const started = performance.now();
        const result = await tx.run(query.text, params);
        this.logger.trace({ query: query.name, ms: performance.now() - started }, "cypher");
        return rows(result);
      },
    });
    try {
      return mode === "READ"
        ? await session.executeRead((tx) => work(wrap(tx)))
        : await session.executeWrite((tx) => work(wrap(tx)));
    } finally {
      await session.close();
    }
  }

  private mapError(err: unknown): unknown {
    if (err instanceof AppError) return err;
    if (isUnreachable(err)) {
      this.markDown();
      this.logger.warn({ code: (err as Neo4jError).code }, "database unreachable; failing fast until it answers");
      return new ServiceUnavailableError();
    }
    if (err instanceof Neo4jError) {
      if (err.code === "Neo.ClientError.Schema.ConstraintValidationFailed") {
        return new ConflictError("An object with this id already exists.", { reason: "CONSTRAINT" });
      }
      if (
        err.code === "ServiceUnavailable" ||
        err.code === "SessionExpired" ||
        err.code.startsWith("Neo.TransientError") ||
        err.code === "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"
      ) {
        this.logger.warn({ err }, "database unavailable");
        return new ServiceUnavailableError();
      }
    }
    return err;
  }
}
