// Registers the service worker that keeps the app available offline, and
// tells the app when a new version is waiting. The app shows the notice
// ("Reload to update") and sends back "gtm-apply-update" when clicked.
// Not registered under `trunk serve` (port 8080), so development never sees
// a cached build.
(() => {
  if (!("serviceWorker" in navigator) || location.port === "8080") return;
  // Reload only when the user asked for the new version: the first install
  // also changes the controller (clients.claim) and must not reload the page.
  let updateRequested = false;
  let reloading = false;
  const announce = (worker) => {
    window.dispatchEvent(new CustomEvent("gtm-update-ready"));
    window.addEventListener(
      "gtm-apply-update",
      () => {
        updateRequested = true;
        worker.postMessage({ type: "skip-waiting" });
      },
      { once: true },
    );
  };
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!updateRequested || reloading) return;
    reloading = true;
    location.reload();
  });
  window.addEventListener("load", () => {
    navigator.serviceWorker
      .register(new URL("sw.js", document.baseURI).href, { scope: new URL("./", document.baseURI).pathname })
      .then((registration) => {
        const watch = (worker) => {
          worker.addEventListener("statechange", () => {
            if (worker.state === "installed" && navigator.serviceWorker.controller) announce(worker);
          });
        };
        if (registration.waiting && navigator.serviceWorker.controller) announce(registration.waiting);
        if (registration.installing) watch(registration.installing);
        registration.addEventListener("updatefound", () => {
          if (registration.installing) watch(registration.installing);
        });
      })
      .catch(() => {
        // Offline use is a bonus: without a service worker the app still works online.
      });
  });
})();
