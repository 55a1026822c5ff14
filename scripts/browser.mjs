// The Chromium the browser tests and the web benchmark drive (through playwright-core).
// Playwright's own browser download is not reachable from every machine, so the project brings
// its own: CHROMIUM_PATH if set, else a system Chromium (Debian's /usr/bin/chromium), else the one
// shipped inside the npm package @sparticuz/chromium (a devDependency: a brotli-packed headless
// shell, unpacked once into the temp folder, about 200 MB, a few seconds the first time).
import { chmodSync, existsSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Flags for a headless, sandboxless run on a closed network (no background traffic, no GPU). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--no-zygote",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-extensions",
];

/** The environment to launch with: a POSIX locale ("C.UTF-8") gives pages the invalid language tag "en-US@posix". */
export function chromiumEnv() {
  return { ...process.env, LANG: "en_US.UTF-8", LC_ALL: "en_US.UTF-8" };
}

function missingLibs(bin) {
  try {
    return execFileSync('ldd', [bin], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(' ')[0]);
  } catch { return []; }
}

// `--version` fails on a truncated unpack; with lenient=true a failure due only to missing .so files
// (handled below with the bundled libs) does not count as corrupt.
function runs(bin, lenient = false) {
  try { execFileSync(bin, ['--version'], { stdio: 'pipe', timeout: 10000 }); return true; }
  catch { return lenient && missingLibs(bin).length > 0; }
}

let cached;
export async function chromiumExecutable() {
  if (cached) return cached;
  if (process.env.CHROMIUM_PATH) return (cached = process.env.CHROMIUM_PATH);
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return (cached = p);
  const { default: chromium, inflate } = await import('@sparticuz/chromium');
  chromium.setGraphicsMode = false; // skip unpacking SwiftShader/WebGL libs
  let bin = await chromium.executablePath(); // e.g. /tmp/chromium (~200 MB, ~3 s first time)
  if (!runs(bin, true)) { // truncated by an interrupted/concurrent first unpack: redo it once
    rmSync(bin, { force: true });
    bin = await chromium.executablePath();
  }
  const missing = missingLibs(bin);
  if (missing.length === 0 && !process.env.CHROMIUM_USE_BUNDLED_LIBS) return (cached = bin);
  // libnss3/libnspr4/libexpat missing (Debian normally gets them via openjdk-17-jre-headless):
  // unpack the package's own al2023 layer (tmpdir/al2023/lib) and wrap the binary with LD_LIBRARY_PATH.
  const { createRequire } = await import('node:module');
  const pkgDir = join(createRequire(import.meta.url).resolve('@sparticuz/chromium'), '..', '..');
  await inflate(join(pkgDir, 'bin', 'al2023.tar.br'));
  const libDir = join(tmpdir(), 'al2023', 'lib');
  const wrapper = join(tmpdir(), 'chromium-wrapped');
  writeFileSync(wrapper, `#!/bin/sh\nLD_LIBRARY_PATH="${libDir}\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "${bin}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  return (cached = wrapper);
}


if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(`${await chromiumExecutable()}\n`);
}
