// Service worker of the CEC guide (written to site/sw.js by site_scripts/offline.py).
//
// Goal: after one visit the checker works with the network off, without slowing revisits.
// - The wasm runtime never passes through this worker while online: Chrome keeps its compiled
//   code with the HTTP cache entry, and a response handed over by a service worker (from the
//   Cache API or even from fetch) loses that, which made revisits slower in a trial. Where the
//   browser supports static routes it skips this worker for the wasm entirely; otherwise the
//   fetch handler leaves it alone. Offline, the engine worker reads it from the Cache API
//   itself (verify.js).
// - Everything else: network first (so the HTTP cache and fresh deploys win), the Cache API
//   only when the network fails.
// Installed from the checker page once its engine is ready, when the files below are already
// in the HTTP cache, so installing costs no second download.
// - Nothing kept carries answers: a share link's answers travel in the address's fragment
//   (#profile=...), and Chromium keeps the fragment in a navigation's request URL, so pages are
//   kept under their address without fragment or query (page()), never under the request.

const VERSION = "__VERSION__"; // changes whenever a precached file changes
const CACHE = `cec-offline-${VERSION}`;
const PRECACHE = __PRECACHE__; // the checker page, its assets and the runtime (relative URLs)

const scoped = (path) => new URL(path, self.registration.scope).href;
const RUNTIME = new URL("pyodide/", self.registration.scope).pathname;
const bypassed = (url) => url.pathname.startsWith(RUNTIME) && url.pathname.endsWith(".wasm");
const page = (url) => new URL(url.pathname, url.origin).href; // the address, nothing typed in it

self.addEventListener("install", (event) => {
  if (event.addRoutes) {
    // Static routing (Chrome 123+): wasm requests go straight to the network stack.
    event.addRoutes({ condition: { urlPattern: { pathname: `${RUNTIME}*.wasm` } }, source: "network" })
      .catch(() => {});
  }
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map(scoped)))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith("cec-offline-") && key !== CACHE) await caches.delete(key);
      }
      // Navigations start while the worker boots instead of after it.
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || bypassed(url)) return;
  event.respondWith(networkFirst(event));
});

async function networkFirst(event) {
  const { request } = event;
  try {
    const response = (await event.preloadResponse) || (await fetch(request));
    if (request.mode === "navigate" && response.ok) {
      // Pages read online are kept, newest copy first, so they can be read offline too.
      // A fresh Response: the stored copy carries no URL of its own (the response's keeps
      // the query).
      const { status, statusText, headers } = response;
      const copy = new Response(response.clone().body, { status, statusText, headers });
      const key = page(new URL(request.url));
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(key, copy)));
    }
    return response;
  } catch (error) {
    const key = request.mode === "navigate" ? page(new URL(request.url)) : request;
    const cached = await caches.match(key, { ignoreSearch: true, cacheName: CACHE });
    return cached || Response.error();
  }
}
