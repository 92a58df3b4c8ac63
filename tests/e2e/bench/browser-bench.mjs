// Browser benchmark against the release build (not a test: it prints
// figures and asserts nothing). Usage: node bench/browser-bench.mjs DIST
//
// - first contentful paint and time to interactive (the app mounted and its
//   navigation drawn), median of 7 cold loads in fresh contexts;
// - input to updated chart on /simulate: 200 edits of one scenario input,
//   each timed from the input event to the MRR chart's SVG being replaced
//   (DOM updated) and to the next animation frame (painted); p50 and p95.
import { spawn } from "node:child_process";
import { chromium } from "@playwright/test";

const dist = process.argv[2] ?? "../../dist";
const port = 8497;
const server = spawn("python3", ["serve.py", dist, String(port)], { stdio: "ignore" });
const base = `http://127.0.0.1:${port}`;
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
  const times = await page.evaluate(async () => {
    const input = document.getElementById("self_serve.organic_signups_per_month");
    const figure = document.querySelector('[data-testid="chart-mrr-by-channel"]');
    if (!input || !figure) return { error: "input or chart not found" };
    const dom = [];
    const painted = [];
    for (let i = 0; i < 200; i++) {
      const changed = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          obs.disconnect();
          resolve(performance.now());
        });
        obs.observe(figure, { childList: true, subtree: true, characterData: true, attributes: true });
      });
      const t0 = performance.now();
      input.value = String(200 + (i % 50) * 7);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      const t1 = await changed;
      await new Promise((r) => requestAnimationFrame(() => r()));
      const t2 = performance.now();
      dom.push(t1 - t0);
      painted.push(t2 - t0);
    }
    return { dom, painted };
  });
  if (times.error) {
    console.log(`input_to_chart: ${times.error}`);
  } else {
    console.log(`input_to_chart_dom_ms p50 ${fmt(pct(times.dom, 50))} p95 ${fmt(pct(times.dom, 95))} (budget p95 < 16)`);
    console.log(`input_to_next_frame_ms p50 ${fmt(pct(times.painted, 50))} p95 ${fmt(pct(times.painted, 95))}`);
  }
  await browser.close();
} finally {
  server.kill();
}
