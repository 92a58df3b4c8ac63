// Browser benchmark against the release build (not a test: it prints
// figures and asserts nothing). Usage: node bench/browser-bench.mjs DIST
//
// - first contentful paint and time to interactive (the app mounted and its
//   navigation drawn), median of 7 cold loads in fresh contexts;
// - input to updated chart on /simulate: 200 edits of one scenario input
//   typed in its field, then 200 steps of a drag on its "Drag to explore"
//   slider, each timed from the input event to the MRR chart's SVG being
//   replaced (DOM updated) and to the next animation frame; p50 and p95.
// - a Monte Carlo run of 10,000 draws through the page (the Run button to
//   the results shown, chunked over animation frames);
// - a phone on a slow network: navigation to the first Assess question
//   that can be answered, with Chrome's throttling (150 ms round trip,
//   1.6 Mbit/s down, 750 kbit/s up, CPU 4x slower, 390x844, no service
//   worker), median of 3 cold loads; once with the files as stored (the
//   test server), once sent gzip-compressed (as most static hosts do), and
//   once gzip with saved data in the browser (a first visit has none; with
//   some, the reader of saved data is fetched before the start).
//
// GTM_BENCH_PORT (default 8497) and the next port are used.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

const dist = process.argv[2] ?? "../../dist";
const port = Number(process.env.GTM_BENCH_PORT ?? 8497);
const server = spawn("python3", ["serve.py", dist, String(port)], { stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;

// The same files sent with Content-Encoding: gzip (level 9, computed once),
// with the static host's fallback to 404.html for unknown paths.
const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
  ".json": "application/json", ".webmanifest": "application/manifest+json", ".png": "image/png" };
const gzipped = new Map();
const gzipServer = createServer((req, res) => {
  let path = normalize(decodeURIComponent(req.url.split("?")[0])).replace(/^(\.\.[/\\])+/, "");
  let file = join(dist, path);
  if (!existsSync(file) || statSync(file).isDirectory()) file = existsSync(join(file, "index.html")) ? join(file, "index.html") : join(dist, "404.html");
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }));
  const ext = file.slice(file.lastIndexOf("."));
  res.writeHead(200, { "Content-Type": TYPES[ext] ?? "application/octet-stream", "Content-Encoding": "gzip", "Cache-Control": "no-cache" });
  res.end(gzipped.get(file));
}).listen(port + 1, "127.0.0.1");
const gzipBase = `http://127.0.0.1:${port + 1}`;
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (x) => x.toFixed(2);

async function waitForServer() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/index.html`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

try {
  await waitForServer();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ARGS });

  const fcp = [];
  const tti = [];
  for (let i = 0; i < 7; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const poll = () => {
        if (document.querySelector('nav[aria-label="Workspaces"]')) {
          window.__interactive = performance.now();
        } else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    await page.goto(`${base}/assess`);
    await page.waitForFunction(() => window.__interactive !== undefined);
    const t = await page.evaluate(() => ({
      fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      tti: window.__interactive,
    }));
    fcp.push(t.fcp);
    tti.push(t.tti);
    await context.close();
  }
  console.log(`first_contentful_paint_ms p50 ${fmt(pct(fcp, 50))}`);
  console.log(`time_to_interactive_ms p50 ${fmt(pct(tti, 50))}`);

  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/simulate`);
  await page.waitForSelector('[data-testid="chart-mrr-by-channel"] svg');
  // Typing in a field, then dragging the "Drag to explore" slider: each
  // input event timed to the MRR chart's SVG being replaced.
  const measure = (id) => page.evaluate(async (id) => {
    const input = document.getElementById(id);
    const figure = document.querySelector('[data-testid="chart-mrr-by-channel"]');
    if (!input || !figure) return { error: `${id} or the chart not found` };
    const dom = [];
    const painted = [];
    const min = Number(input.min || 0);
    const max = Number(input.max || 1000);
    for (let i = 0; i < 200; i++) {
      const changed = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          obs.disconnect();
          resolve(performance.now());
        });
        obs.observe(figure, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      // A drag: the value sweeps up and down the track in small steps.
      const phase = (i % 100) / 100;
      const share = phase < 0.5 ? phase * 2 : 2 - phase * 2;
      input.value = input.type === "range"
        ? String(min + (max - min) * (0.1 + 0.8 * share))
        : String(200 + (i % 50) * 7);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const t1 = await changed;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t2 = performance.now();
      dom.push(t1 - t0);
      painted.push(t2 - t0);
    }
    return { dom, painted };
  }, id);
  for (const [name, id] of [
    ["typing", "self_serve.organic_signups_per_month"],
    ["slider_drag", "whatif-self_serve-organic_signups_per_month"],
  ]) {
    const times = await measure(id);
    if (times.error) {
      console.log(`input_to_chart (${name}): ${times.error}`);
    } else {
      console.log(`${name}_input_to_chart_dom_ms p50 ${fmt(pct(times.dom, 50))} p95 ${fmt(pct(times.dom, 95))} (budget p95 < 16)`);
      console.log(`${name}_input_to_next_frame_ms p50 ${fmt(pct(times.painted, 50))} p95 ${fmt(pct(times.painted, 95))}`);
    }
  }
  // Monte Carlo through the page: 10,000 draws on three ranged inputs, from
  // the click to the results drawn, spread over animation frames.
  await page.getByRole("button", { name: "Start with the inputs that matter most" }).click();
  const mc = [];
  for (let i = 0; i < 5; i++) {
    const ms = await page.evaluate(async () => {
      const button = [...document.querySelectorAll("button")].find((b) => /^Run .* draws$/.test(b.textContent));
      if (!button) return NaN;
      const t0 = performance.now();
      button.click();
      await new Promise((resolve) => {
        const poll = () => {
          const done = document.querySelector('[data-testid="mc-results"]') && !document.querySelector('[data-testid="mc-progress-text"]');
          if (done) resolve();
          else requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      });
      return performance.now() - t0;
    });
    mc.push(ms);
  }
  console.log(`monte_carlo_10k_in_page_ms p50 ${fmt(pct(mc, 50))} (chunked over frames; the page stays responsive)`);
  await context.close();

  // A phone on a slow network: from navigation to the first Assess question
  // that can be answered (its first option rendered by the app and enabled).
  // With `saved`, this browser holds a document (tests/fixtures/v3.json),
  // so the reader of saved data is fetched before the start.
  const savedDocument = readFileSync(new URL("../../fixtures/v3.json", import.meta.url), "utf8");
  async function slowPhone(origin, saved) {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true,
        hasTouch: true, deviceScaleFactor: 3, serviceWorkers: "block" });
      const page = await phone.newPage();
      const cdp = await phone.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1000 * 1000) / 8,
        uploadThroughput: (750 * 1000) / 8,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      if (saved) {
        await page.addInitScript((doc) => localStorage.setItem("gtm-workbench", doc), savedDocument);
      }
      await page.addInitScript(() => {
        const found = () => document.querySelector("fieldset[data-question] input[type=radio]:not([disabled])");
        new MutationObserver((_, observer) => {
          if (window.__firstQuestion === undefined && found()) {
            window.__firstQuestion = performance.now();
            observer.disconnect();
          }
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${origin}/`, { waitUntil: "commit", timeout: 120_000 });
      await page.waitForFunction(() => window.__firstQuestion !== undefined, null, { timeout: 120_000 });
      times.push(await page.evaluate(() => window.__firstQuestion));
      await phone.close();
    }
    return times;
  }
  for (const [name, origin, saved] of [
    ["as_stored", base, false],
    ["gzip", gzipBase, false],
    ["gzip, with saved data", gzipBase, true],
  ]) {
    const times = await slowPhone(origin, saved);
    console.log(`slow_phone_first_question_ms (${name}) median ${fmt(pct(times, 50))} of ${times.map(fmt).join(", ")} (target < 5000)`);
  }
  await browser.close();
} finally {
  server.kill();
  gzipServer.close();
}
