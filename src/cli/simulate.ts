import { Command, InvalidArgumentError } from "commander";
import { Role } from "../auth/roles.js";
import { signToken } from "../auth/tokens.js";
import { loadConfig } from "../config.js";
import { progressBar } from "./runtime.js";

interface Rec {
  concept: { id: string };
  items: { predictedCorrect: number; item: { id: string; kind: string } }[];
}

/**
 * `frontier simulate`: a class at work, for demos. Through a running server's public API (so its
 * dashboards update live): each step one learner of the class answers the first question of their
 * top recommendation, correct with the model's own predicted probability, at `--rate` answers a
 * second. Development tokens only (JWT_SECRET).
 */
export function simulateCommand(): Command {
  return new Command("simulate")
    .description("Stream answers from a class's learners through a running server (demo: watch the teacher's heatmap)")
    .option("--url <url>", "the server", "http://127.0.0.1:4000")
    .option("--class <id>", "the class", "class-7a")
    .option("--count <n>", "answers to send", "200")
    .option("--rate <n>", "answers per second", "2")
    .option("--seed <n>", "random seed", "1")
    .action(async (opts: { url: string; class: string; count: string; rate: string; seed: string }) => {
      const count = Number(opts.count);
      const rate = Number(opts.rate);
      if (!(count > 0) || !(rate > 0)) throw new InvalidArgumentError("--count and --rate must be positive");
      const config = loadConfig();
      const admin = await signToken(config, { sub: "simulator", roles: [Role.ADMIN], expiresIn: "2h" });
      const gql = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
        const res = await fetch(`${opts.url}/graphql`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${admin}` }, body: JSON.stringify({ query, variables }) });
        const body = (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
        if (body.errors?.length) throw new Error(`${body.errors[0]?.extensions?.code}: ${body.errors[0]?.message}`);
        return body.data as T;
      };
      const room = await gql<{ classroom: { learners: { id: string }[] } | null }>("query($id: ID!) { classroom(id: $id) { learners { id } } }", { id: opts.class });
      const learners = room.classroom?.learners.map((l) => l.id) ?? [];
      if (learners.length === 0) throw new InvalidArgumentError(`class ${opts.class} has no learners (or does not exist)`);
      let state = Number(opts.seed) >>> 0 || 1;
      const rand = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
      const bar = progressBar("simulate");
      const run = `${Date.now().toString(36)}`;
      let sent = 0;
      for (let n = 0; n < count; n += 1) {
        const started = Date.now();
        const learnerId = learners[Math.floor(rand() * learners.length)] as string;
        const data = await gql<{ learner: { recommendations: Rec[] } | null }>(
          "query($id: ID!) { learner(id: $id) { recommendations(limit: 3, bandMin: 0.05, bandMax: 0.99) { concept { id } items { predictedCorrect item { id kind } } } } }",
          { id: learnerId },
        );
        const item = data.learner?.recommendations.flatMap((r) => r.items).find((i) => i.item.kind === "QUESTION" || i.item.kind === "EXERCISE");
        if (item) {
          await gql("mutation($e: [EventInput!]!) { recordEvents(events: $e) { accepted } }", {
            e: [{ eventId: `sim-${run}-${n}`, learnerId, itemId: item.item.id, correct: rand() < item.predictedCorrect, occurredAt: new Date().toISOString(), source: "simulate" }],
          });
          sent += 1;
        }
        bar.update(n + 1, count);
        const wait = 1000 / rate - (Date.now() - started);
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      bar.stop();
      process.stderr.write(`simulate: ${sent} answers sent for ${learners.length} learners of ${opts.class}\n`);
    });
}
