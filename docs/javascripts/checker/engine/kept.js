// One file kept on this device in the Cache API for the next visit (the engine worker's): the
// decompressed wasm (verify.js) and Python's memory snapshot (snapshot.js). Each store holds
// one entry, the current build's; storage refused (private mode, quota) means nothing is kept
// and the next visit does the work again, never an error.

/** The store named ``name``: get(key) -> Response | null, put(key, body, headers), forget(key). */
export function keptStore(name) {
  const open = async () => (self.caches ? self.caches.open(name) : null);
  return {
    async get(key) {
      try {
        return (await (await open())?.match(key)) || null;
      } catch {
        return null;
      }
    },
    /** Keep ``body`` under ``key``; other builds' entries are deleted. */
    async put(key, body, headers = {}) {
      try {
        const cache = await open();
        if (!cache) return;
        for (const request of await cache.keys()) if (request.url !== key) await cache.delete(request);
        await cache.put(key, new Response(body, { headers }));
      } catch {
        // not kept: the next visit does the work again
      }
    },
    async forget(key) {
      try {
        await (await open())?.delete(key);
      } catch {
        // nothing kept, nothing to forget
      }
    },
  };
}
