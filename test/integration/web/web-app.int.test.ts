/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Role } from "../../../src/auth/roles.js";
import { CreateConceptDocument, ImportCurriculumDocument, RecordEventsDocument } from "../../generated/graphql.js";
import { uniquePrefix } from "../../utils/ids.js";
import { dbState, startTestServer, type TestServer } from "../../utils/server.js";
import { buildWeb } from "../../utils/web-build.js";
// @ts-expect-error: a plain ES module script without types
import { chromiumEnv, chromiumExecutable, CHROMIUM_ARGS } from "../../../scripts/browser.mjs";

/**
 * The web app in a real Chromium against the real server and Neo4j: the teacher's live heatmap
 * (and its catch-up after a server restart), the designer's cycle refusal and import dry run, the
 * learner's answer loop, accessibility at two widths, and text that must never become markup.
 * Screenshots are kept in test-artifacts/web/.
 */
const ART = join(process.cwd(), "test-artifacts", "web");
const P = uniquePrefix("web");
const T = `${P}topic`;
const [A, B, C, D] = ["a", "b", "c", "d"].map((x) => `${P}${x}`) as [string, string, string, string];
const CLASS = `${P}class`;
const LEARNERS = [`${P}l1`, `${P}l2`, `${P}l3`, `${P}l4`];

let s: TestServer; // the server the page talks to (restarted in one test)
let other: TestServer; // a second server on the same database: answers arrive through it while the first is down
let browser: Browser;
let port: number;
let teacherToken: string;
const contexts: BrowserContext[] = [];

const ev = (learnerId: string, itemId: string, correct: boolean, n: string, minutesAgo = 0) => ({
  eventId: `${P}${n}`,
  learnerId,
  itemId,
  correct,
  occurredAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
});

async function open(path: string, token: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
  contexts.push(context);
  const page = await context.newPage();
  page.on("dialog", (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.goto(`http://127.0.0.1:${port}${path}#token=${token}`);
  return page;
}

async function cell(page: Page, learnerId: string, conceptId: string): Promise<number> {
  return Number(await page.locator(`td[data-learner="${learnerId}"][data-concept="${conceptId}"]`).getAttribute("data-p"));
}

/** Stored mastery of (learner, concept) read from Neo4j through the latest MasteryChange. */
async function storedAfter(learnerId: string, conceptId: string): Promise<number> {
  const rows = await s.query("test/latest-change", { learnerId, conceptId });
  return Number(rows[0]?.after);
}

beforeAll(async () => {
  mkdirSync(ART, { recursive: true });
  buildWeb({ ifStale: true });
  // Error-level logs: a masked error behind what a page shows prints its cause in the test output.
  s = await startTestServer({ LOG_LEVEL: "error" });
  other = await startTestServer({ LOG_LEVEL: "error" });
  port = Number(new URL(s.url).port);
  const doc = {
    topics: [{ id: T, name: "Web test topic", level: "TOPIC" }],
    concepts: [
      { id: A, name: "Adding", topicId: T },
      { id: B, name: "Borrowing", topicId: T },
      { id: C, name: "Carrying", topicId: T },
      { id: D, name: "Dividing", topicId: T },
    ],
    prerequisites: [
      { conceptId: B, prerequisiteId: A },
      { conceptId: C, prerequisiteId: B },
    ],
    items: [A, B, C, D].flatMap((c) => [1, 2].map((n) => ({ id: `${c}-q${n}`, kind: "QUESTION", title: `Question ${n} on ${c.slice(P.length)}`, difficulty: n === 1 ? -1 : -0.5, assesses: [{ conceptId: c }] }))),
  };
  const imported = await s.gql(ImportCurriculumDocument, { format: "JSON", content: JSON.stringify(doc) }, s.designer);
  expect(imported.data?.importCurriculum.valid, JSON.stringify(imported)).toBe(true);
  await s.frontier.services.learners.upsertPeople({
    classes: [{ id: CLASS, name: "Web test class" }],
    teachers: [{ id: `${P}teacher`, classIds: [CLASS] }],
    learners: LEARNERS.map((id) => ({ id, classIds: [CLASS] })),
  });
  teacherToken = await s.token(Role.TEACHER, `${P}teacher`);
  // Some history, so the heatmap starts with values.
  // (The third learner has practised the topic once, so its concepts are near their level, whatever
  // else the shared database holds.)
  const r = await s.gql(
    RecordEventsDocument,
    { events: [ev(LEARNERS[0] as string, `${A}-q1`, false, "h1", 30), ev(LEARNERS[1] as string, `${D}-q1`, true, "h2", 30), ev(LEARNERS[2] as string, `${D}-q1`, false, "h3", 30)] },
    s.admin,
  );
  expect(r.data?.recordEvents.accepted).toBe(3);
  browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS, env: chromiumEnv(), headless: true });
});

// A failed test leaves a picture of every page it had open, beside the other artefacts.
afterEach(async (ctx) => {
  const failed = ctx.task.result?.state === "fail";
  for (const [i, c] of contexts.splice(0).entries()) {
    if (failed) for (const pg of c.pages()) await pg.screenshot({ path: join(ART, `failed-${ctx.task.name.slice(0, 40).replace(/\W+/g, "-")}-${i}.png`), fullPage: true }).catch(() => undefined);
    await c.close().catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await s?.cleanup(P);
  await s?.stop();
  await other?.stop();
});

describe("teacher: live class dashboard", () => {
  it("shows the class, takes the token out of the URL, and turns a cell when an answer is recorded", async () => {
    const page = await open(`/app/teacher?class=${CLASS}&topic=${T}`, teacherToken);
    await page.locator('[data-testid="connection"]', { hasText: "Live" }).waitFor();
    await page.locator('[data-testid="heatmap"] tbody tr').first().waitFor();
    expect(new URL(page.url()).hash).toBe("");
    expect(await page.evaluate(() => window.sessionStorage.getItem("frontier.token"))).toBe(teacherToken);
    const rows = await page.locator('[data-testid="heatmap"] tbody th[scope="row"]').allTextContents();
    expect(rows.sort()).toEqual([...LEARNERS].sort());
    // The third learner never answered on A: shown as not practised, not as the prior's 0.50.
    const blank = page.locator(`td[data-learner="${LEARNERS[2]}"][data-concept="${A}"]`);
    expect([await blank.textContent(), await blank.getAttribute("data-p")]).toEqual(["·", ""]);
    const l1 = LEARNERS[0] as string;
    const before = await cell(page, l1, A);
    // The cell shows the stored value after the one wrong answer of the history.
    expect(before).toBeCloseTo(await storedAfter(l1, A), 2);
    const r = await s.gql(RecordEventsDocument, { events: [ev(l1, `${A}-q2`, true, "live1")] }, s.admin);
    expect(r.data?.recordEvents.masteryChangeCount).toBeGreaterThan(0);
    const expected = await storedAfter(l1, A);
    expect(expected).toBeGreaterThan(before);
    // No reload: the subscription changes the cell (Playwright polls the DOM until it does).
    await page.waitForFunction(([sel, want]) => Math.abs(Number(document.querySelector(sel as string)?.getAttribute("data-p")) - Number(want)) < 0.001, [`td[data-learner="${l1}"][data-concept="${A}"]`, expected] as const);
    await expect.poll(() => page.locator(`td.flash[data-learner="${l1}"]`).count()).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: join(ART, "teacher-1280.png"), fullPage: true });
    await page.close();
  });

  it("after the server restarts, reconnects and shows each change made while it was down, once", async () => {
    const page = await open(`/app/teacher?class=${CLASS}&topic=${T}`, teacherToken);
    await page.locator('[data-testid="connection"]', { hasText: "Live" }).waitFor();
    await page.locator('[data-testid="heatmap"] tbody tr').first().waitFor();
    await s.stop();
    await page.locator('[data-testid="connection"]', { hasText: "Reconnecting" }).waitFor();
    // While it is down, answers arrive through the other server (same database).
    const l2 = LEARNERS[1] as string;
    const events = [ev(l2, `${A}-q1`, true, "down1"), ev(l2, `${A}-q2`, true, "down2"), ev(l2, `${D}-q2`, false, "down3")];
    const r = await other.gql(RecordEventsDocument, { events }, other.admin);
    expect(r.data?.recordEvents.accepted).toBe(3);
    const changes = await other.query("test/changes-of", { learnerId: l2, eventIds: events.map((e) => e.eventId) });
    expect(changes.length).toBe(r.data?.recordEvents.masteryChangeCount);
    s = await startTestServer({ PORT: String(port), LOG_LEVEL: "error" });
    await page.locator('[data-testid="connection"]', { hasText: "Live" }).waitFor({ timeout: 30_000 });
    const ids = changes.map((c) => `${l2}/${String(c.seq)}`);
    for (const id of ids) await page.locator(`[data-testid="feed"] li[data-change="${id}"]`).waitFor();
    const shown = await page.locator('[data-testid="feed"] li').evaluateAll((els) => els.map((e) => e.getAttribute("data-change")));
    for (const id of ids) expect(shown.filter((x) => x === id)).toHaveLength(1);
    expect(await cell(page, l2, A)).toBeCloseTo(await storedAfter(l2, A), 3);
    expect(await cell(page, l2, D)).toBeCloseTo(await storedAfter(l2, D), 3);
    await page.close();
  });

  it("marks implied mastery as implied, live and after a reload", async () => {
    const page = await open(`/app/teacher?class=${CLASS}&topic=${T}`, teacherToken);
    await page.locator('[data-testid="connection"]', { hasText: "Live" }).waitFor();
    await page.locator('[data-testid="heatmap"] tbody tr').first().waitFor();
    // The fourth learner never answered; two right answers on B (which needs A) imply A.
    const l3 = LEARNERS[3] as string;
    const r = await s.gql(RecordEventsDocument, { events: [ev(l3, `${B}-q1`, true, "imp1"), ev(l3, `${B}-q2`, true, "imp2")] }, s.admin);
    expect(r.data?.recordEvents.accepted).toBe(2);
    // The database holds A's value as implied by B (the MASTERY edge's impliedBy), never answered.
    const [facts] = (await s.query("test/learner-facts", { learnerId: l3 })) as Array<{ state: { concepts: Array<[string, number, number, number, number, number, string | null]> } }>;
    const a = (facts?.state.concepts ?? []).find(([id]) => id === A);
    expect(a?.[2]).toBe(0);
    expect(a?.[6]).toBe(B);
    const want = await storedAfter(l3, A);
    const sel = `td[data-learner="${l3}"][data-concept="${A}"]`;
    // Live: the IMPLIED change turns the cell and marks it; B, answered, is not marked.
    await page.waitForFunction(([q, v]) => Math.abs(Number(document.querySelector(q as string)?.getAttribute("data-p")) - Number(v)) < 0.001, [sel, want] as const);
    expect(await page.locator(sel).getAttribute("data-implied")).toBe("true");
    expect(await page.locator(sel).getAttribute("title")).toContain("implied");
    expect(await page.locator(`td[data-learner="${l3}"][data-concept="${B}"]`).getAttribute("data-implied")).toBeNull();
    // After a reload, from the heatmap query: the same value, still marked (not "not practised").
    await page.reload();
    await page.locator('[data-testid="heatmap"] tbody tr').first().waitFor();
    expect(await cell(page, l3, A)).toBeCloseTo(want, 3);
    expect(await page.locator(sel).getAttribute("data-implied")).toBe("true");
    expect(await page.locator(sel).textContent()).toBe(`${Math.round(want * 100)}*`);
    await page.screenshot({ path: join(ART, "teacher-implied-1280.png"), fullPage: true });
    await page.close();
  });
});

describe("designer: curriculum studio", () => {
  it("refuses the edge that closes a cycle, highlights the path, and writes nothing", async () => {
    const page = await open(`/app/designer?concept=${A}`, s.designer);
    await page.locator("details summary", { hasText: "The graph as a list" }).click();
    await page.locator("li", { hasText: "Borrowing requires Adding" }).first().waitFor({ timeout: 5000 }).catch(async (e) => {
      await page.screenshot({ path: join(ART, "designer-debug.png"), fullPage: true });
      throw e;
    });
    const edgesBefore = (await dbState(s, P)).edges;
    // A is required by B, B by C: "A requires C" would close A -> C -> B -> A.
    await page.getByLabel("Prerequisite id").fill(C);
    await page.getByRole("button", { name: "Add prerequisite" }).click();
    const problem = page.locator('[data-testid="problem"]');
    await problem.waitFor();
    expect(await problem.textContent()).toContain("PREREQUISITE_CYCLE");
    const highlight = (await page.locator('[data-testid="graph"]').getAttribute("data-highlight"))?.split(",") ?? [];
    expect(new Set(highlight)).toEqual(new Set([A, B, C]));
    expect(highlight[0]).toBe(highlight.at(-1));
    expect((await dbState(s, P)).edges).toEqual(edgesBefore);
    await page.screenshot({ path: join(ART, "designer-cycle-1280.png"), fullPage: true });
    await page.close();
  });

  it("shows the dry run of a messy CSV as a table, and writes nothing", async () => {
    const page = await open(`/app/designer`, s.designer);
    const csv = [
      "id,name,prerequisites",
      `${P}x1,Loop,${P}x1`, // a self-loop
      `${P}x2,Orphan,${P}missing`, // an unknown prerequisite
      `${P}x3,Twin,`,
      `${P}x3,Twin again,`, // a duplicate id
    ].join("\n");
    await page.locator('input[type="file"]').setInputFiles({ name: "messy.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor();
    const codes = await report.locator("tbody tr td:nth-child(4)").allTextContents();
    expect(codes).toEqual(expect.arrayContaining(["SELF_LOOP", "UNKNOWN_PREREQUISITE", "DUPLICATE_ID"]));
    const rowsOfCodes = await report.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [tr.children[0]?.textContent, tr.children[3]?.textContent]));
    // Spreadsheet rows: the header is row 1, so the self-loop is row 2 and the duplicate row 5.
    expect(rowsOfCodes).toEqual(expect.arrayContaining([["2", "SELF_LOOP"], ["5", "DUPLICATE_ID"]]));
    expect((await s.query("test/count-by-prefix", { prefix: `${P}x` }))[0]?.concepts).toBe(0);
    // Another designer's edit arrives live.
    await page.locator('[data-testid="connection"]', { hasText: "Live" }).waitFor();
    const made = await s.gql(CreateConceptDocument, { input: { id: `${P}other`, name: "Made elsewhere", topicId: T } }, await s.token(Role.DESIGNER, `${P}someone-else`));
    expect(made.data?.createConcept.id).toBe(`${P}other`);
    await page.locator('[data-testid="curriculum-feed"] li', { hasText: `${P}other` }).waitFor();
    await page.close();
  });
});

describe("learner: what next", () => {
  it("answering recommended items changes the recommendations shown (keyboard only)", async () => {
    const l3 = LEARNERS[2] as string;
    const token = await s.token(Role.LEARNER, l3);
    const page = await open(`/app/learner`, token);
    const recs = page.locator('[data-testid="recommendations"] > li');
    await recs.first().waitFor();
    const first = await recs.evaluateAll((els) => els.map((e) => e.getAttribute("data-concept")));
    expect(first).toContain(A);
    const rendered = await recs.allTextContents();
    // Answer A's questions right until A leaves the list (mastered), at most 12 times.
    for (let n = 0; n < 12; n += 1) {
      const shown = await recs.evaluateAll((els) => els.map((e) => e.getAttribute("data-concept")));
      if (!shown.includes(A)) break;
      const button = page.locator(`[data-testid="recommendations"] > li[data-concept="${A}"] button`, { hasText: "Right" }).first();
      await button.focus();
      await page.keyboard.press("Enter");
      // Recorded, and the recommendations refetched: the list is no longer busy.
      await page.locator('[data-testid="recommendations"][aria-busy="false"]').waitFor();
      expect(await page.locator('p[role="status"]').textContent()).toMatch(/^Recorded/);
    }
    // Mastered now: A has left "what next", and the list shown is a different one.
    await page.waitForFunction(([a]) => !document.querySelector(`[data-testid="recommendations"] > li[data-concept="${a}"]`), [A] as const);
    expect(await recs.allTextContents()).not.toEqual(rendered);
    // Every click is one stored ANSWER, correct, on one of A's items (none counted twice).
    const stored = await s.query("test/events-of-learner", { learnerId: l3 });
    expect(stored.length).toBeGreaterThan(0);
    expect(new Set(stored.map((e) => e.id)).size).toBe(stored.length);
    const clicked = stored.filter((e) => e.id !== `${P}h3`);
    expect(clicked.length).toBeGreaterThan(0);
    for (const e of clicked) expect([e.kind, e.score, String(e.itemId).startsWith(A)]).toEqual(["ANSWER", 1, true]);
    await page.screenshot({ path: join(ART, "learner-1280.png"), fullPage: true });
    await page.close();
  });
});

describe("accessibility, phone width and safety", () => {
  it("renders designer-supplied text as text: a concept named like markup runs nothing", async () => {
    const evil = `${P}evil`;
    const name = "<img src=x onerror=alert(1)>";
    const made = await s.gql(CreateConceptDocument, { input: { id: evil, name, description: "<script>alert(2)</script>", topicId: T } }, s.designer);
    expect(made.data?.createConcept.name).toBe(name);
    const page = await open(`/app/designer?concept=${evil}`, s.designer);
    await page.getByRole("heading", { name }).first().waitFor();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll("script:not([src])").length)).toBe(0);
    await page.close();
  });

  for (const width of [1280, 390]) {
    it(`teacher, designer and learner views have no serious or critical axe violations at ${width} px`, async () => {
      const views: [string, string, string][] = [
        ["teacher", `/app/teacher?class=${CLASS}&topic=${T}`, teacherToken],
        ["designer", `/app/designer?concept=${B}`, s.designer],
        ["learner", `/app/learner`, await s.token(Role.LEARNER, LEARNERS[0] as string)],
      ];
      for (const [name, path, token] of views) {
        const page = await open(path, token, width);
        await page.locator("main h1").first().waitFor();
        await page.waitForLoadState("networkidle");
        const result = await new AxeBuilder({ page }).analyze();
        const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(bad.map((v) => `${name}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(" ")}`)).toEqual([]);
        // Nothing wider than the screen: wide content scrolls inside its own region.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width + 1);
        await page.screenshot({ path: join(ART, `${name}-${width}.png`), fullPage: true });
        await page.close();
      }
    });
  }
});
