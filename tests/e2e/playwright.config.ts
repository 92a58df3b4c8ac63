import { defineConfig } from "@playwright/test";

// The release build (dist/) served on 127.0.0.1 by a static server that
// behaves like a static host, driven in the system Chromium.
// GTM_DIST and GTM_PORT let a second checkout run the suite side by side.
const PORT = Number(process.env.GTM_PORT ?? 8391);
const DIST = process.env.GTM_DIST ?? "../../dist";
const SUB_PORT = PORT + 1;
const SUB_DIST = process.env.GTM_SUB_DIST ?? "../../target/dist-sub";
export const SUB_URL = `http://127.0.0.1:${SUB_PORT}/gtm/`;

export default defineConfig({
  testDir: "./specs",
  outputDir: "./test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `python3 serve.py ${DIST} ${PORT}`,
      url: `http://127.0.0.1:${PORT}/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The same app built with --public-url /gtm/, served under that sub-path.
      command: `python3 serve.py ${SUB_DIST} ${SUB_PORT} /gtm/`,
      url: `http://127.0.0.1:${SUB_PORT}/gtm/index.html`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
