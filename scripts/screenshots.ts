/**
 * The README's pictures: `npx tsx scripts/screenshots.ts [URL]` against a running demo server
 * (npm run demo; `npm run frontier -- simulate` gives the class something to show). Writes
 * docs/screenshots/{teacher,designer,learner}.png at 1280 px and teacher-phone.png at 390 px.
 */
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { loadConfig } from "../src/config.js";
import { developmentLinks } from "../src/server/dev-links.js";
// @ts-expect-error: a plain ES module script without types
import { chromiumEnv, chromiumExecutable, CHROMIUM_ARGS } from "./browser.mjs";

const base = process.argv[2] ?? "http://127.0.0.1:4000";
const links = await developmentLinks({ ...loadConfig(), NODE_ENV: "development" }, base);
mkdirSync("docs/screenshots", { recursive: true });
const browser = await chromium.launch({ executablePath: await chromiumExecutable(), args: CHROMIUM_ARGS, env: chromiumEnv() });
const shots: [string, string, number, string][] = [
  ["teacher", "Teacher", 1280, '[data-testid="heatmap"] tbody tr'],
  ["teacher-phone", "Teacher", 390, '[data-testid="heatmap"] tbody tr'],
  ["designer", "Designer", 1280, "canvas"],
  ["learner", "Learner", 1280, '[data-testid="recommendations"] > li'],
];
for (const [file, who, width, ready] of shots) {
  const link = links.find((l) => l.label.startsWith(who));
  if (!link) throw new Error(`no development link for ${who} (is NODE_ENV production?)`);
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(link.url);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: `docs/screenshots/${file}.png`, fullPage: false });
  process.stderr.write(`docs/screenshots/${file}.png\n`);
  await context.close();
}
await browser.close();
