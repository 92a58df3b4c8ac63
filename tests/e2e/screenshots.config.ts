import { defineConfig } from "@playwright/test";
import base from "./playwright.config";

// `make screenshots`: the README's pictures of each workspace, taken from the
// release build (dist/) at 1280×800 so they follow the UI when it changes.
const PORT = Number(process.env.GTM_PORT ?? 8397);
const DIST = process.env.GTM_DIST ?? "../../dist";

export default defineConfig({
  ...base,
  testDir: "./screenshots",
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}`, viewport: { width: 1280, height: 800 } },
  webServer: {
    command: `python3 serve.py ${DIST} ${PORT}`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
