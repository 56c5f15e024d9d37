// Offline use: once the checker's engine is ready (its files are then in the HTTP cache),
// install the site's service worker (sw.js at the site root), which keeps a copy of the
// checker and its runtime for visits without a network. Only the checker page loads this,
// so reading the guide never downloads the runtime.
// Not at once: the copy also fetches files this visit did not need (the other language's
// page, the occupation titles), which on a slow link would compete with the first verdict.
// So after the first verdict (a share link), or a few seconds after the engine is ready.

const SERVICE_WORKER = new URL("../../../sw.js", import.meta.url);
const SETTLE_MS = 3000;

function register() {
  navigator.serviceWorker.register(SERVICE_WORKER, { scope: new URL("./", SERVICE_WORKER).pathname }).catch(() => {}); // offline use is a bonus: the checker works without it
}

if ("serviceWorker" in navigator && window.isSecureContext) {
  let registered = false;
  const once = () => {
    if (registered) return;
    registered = true;
    observer.disconnect();
    register();
  };
  // Buffered: the engine may have been ready, or a verdict shown, before this module ran.
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName("cec:result").length) once();
    else if (list.getEntriesByName("cec:ready").length) setTimeout(once, SETTLE_MS);
  });
  observer.observe({ type: "mark", buffered: true });
}
