// GTM Workbench service worker, generated at build time by
// scripts/post_build.py from scripts/sw.template.js.
//
// Keeps this build's files so the app opens with no network. Hashed assets
// come from the cache; pages go to the network first and fall back to the
// cached app, so a deep link such as /simulate works offline too. A new
// build waits until the page asks it to take over ("Reload to update").
const VERSION = "__VERSION__";
const CACHE = `gtm-workbench-${VERSION}`;
const PRECACHE = [
  __PRECACHE__
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith("gtm-workbench-") && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match("./")).then((r) => r || Response.error()),
      ),
    );
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
});
