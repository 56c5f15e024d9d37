// Offline use: once the checker's engine is ready (its files are then in the HTTP cache),
// install the site's service worker (sw.js at the site root), which keeps a copy of the
// checker and its runtime for visits without a network. Only the checker page loads this,
// so reading the guide never downloads the runtime.

const SERVICE_WORKER = new URL("../../sw.js", import.meta.url);

function register() {
  navigator.serviceWorker.register(SERVICE_WORKER, { scope: new URL("./", SERVICE_WORKER).pathname }).catch(() => {}); // offline use is a bonus: the checker works without it
}

if ("serviceWorker" in navigator && window.isSecureContext) {
  // Buffered: the engine may have been ready before this module ran.
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName("cec:ready").length) {
      observer.disconnect();
      register();
    }
  });
  observer.observe({ type: "mark", buffered: true });
}
