import { createSourceEventStream, execute, print, type ExecutionArgs, type ExecutionResult } from "graphql";

/** Results per published record, per distinct (operation, document, variables). */
const results = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();
/** JSON of a shared result, made once and spliced into every socket's message. */
const serialised = new WeakMap<ExecutionResult, string>();

export const sharedStats = { executions: 0, serialisations: 0 };

const isAsyncIterable = (x: unknown): x is AsyncIterable<unknown> => typeof x === "object" && x !== null && Symbol.asyncIterator in x;

/**
 * `subscribe` for graphql-ws that executes each published record once per distinct operation
 * and variables, not once per subscriber. Our `subscribe` resolvers (the LiveHub) authorise and
 * filter every record per subscriber *before* this point and hand every subscriber the same
 * record object, and the subscription payload types (MasteryChange, RecommendationsChange,
 * RaisedAlert, CurriculumChange) hold nothing that depends on who is watching, so sharing the
 * result between subscribers that passed the filter is safe. Keep it that way: a viewer-specific
 * field on a payload type would leak across subscribers.
 */
export const subscribeShared =
  (eventContext: (subscriptionContext: unknown) => unknown) =>
  (args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> =>
    shared(args, eventContext);

async function shared(args: ExecutionArgs, eventContext: (subscriptionContext: unknown) => unknown): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!isAsyncIterable(source)) return source;
  const key = `${args.operationName ?? ""}\u0000${print(args.document)}\u0000${JSON.stringify(args.variableValues ?? {})}`;
  const inner = source[Symbol.asyncIterator]();
  // Each execution gets a fresh context (fresh DataLoaders): no cache outlives one event.
  const exec = (record: unknown) => Promise.resolve(execute({ ...args, rootValue: record, contextValue: eventContext(args.contextValue) }));
  const run = (record: unknown): Promise<ExecutionResult> => {
    if (typeof record !== "object" || record === null) return exec(record);
    let perRecord = results.get(record);
    if (!perRecord) results.set(record, (perRecord = new Map()));
    let result = perRecord.get(key);
    if (!result) {
      sharedStats.executions++;
      result = exec(record);
      perRecord.set(key, result);
    }
    return result;
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]: () => iterator,
    async next() {
      const step = await inner.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: await run(step.value) };
    },
    async return() {
      await inner.return?.();
      return { done: true, value: undefined };
    },
    async throw(err: unknown) {
      await inner.return?.();
      throw err;
    },
  };
  return iterator;
}

/** The result's JSON, computed on first use and reused for every socket that sends it. */
export function serialisedOnce(result: ExecutionResult): string {
  let json = serialised.get(result);
  if (json === undefined) {
    sharedStats.serialisations++;
    json = JSON.stringify(result);
    serialised.set(result, json);
  }
  return json;
}
