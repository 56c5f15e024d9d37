// One file kept on this device for the next visit (the engine worker's): the decompressed wasm
// in the Cache API (verify.js) and Python's memory snapshot (snapshot.js) in the origin private
// file system (keptFile, below). Each store holds one entry, the current build's; storage
// refused (private mode, quota) means nothing is kept and the next visit does the work again,
// never an error.

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

/**
 * One large file kept for the next visit, in the origin private file system when this worker
 * can open files there synchronously: Python's 31 MB snapshot reads in about 30 ms there,
 * against 100-150 ms from the Cache API and 300-600 ms while the wasm compiles beside it
 * (bench/README.md). Elsewhere (no such file system: older Safari and Firefox), the Cache API.
 * get(key) -> {bytes, headers} | null, has(key), put(key, bytes, headers), forget().
 * One file: a 4-byte length, the key and headers as JSON, then the bytes; few awaits, since
 * each waits behind whatever else the worker is doing. A file another tab holds open cannot
 * be opened: then nothing is read or kept this time.
 */
export function keptFile(name) {
  const syncFiles =
    typeof FileSystemFileHandle === "function" &&
    "createSyncAccessHandle" in FileSystemFileHandle.prototype &&
    typeof self.navigator?.storage?.getDirectory === "function";
  return syncFiles ? privateFile(name) : cachedFile(keptStore(name));
}

function privateFile(name) {
  const folder = () => self.navigator.storage.getDirectory();
  const open = async (create) =>
    (await (await folder()).getFileHandle(`${name}.bin`, { create })).createSyncAccessHandle();
  /** The key and headers of the open file ``handle`` and where its bytes start. */
  const readHead = (handle) => {
    const length = new DataView(new ArrayBuffer(4));
    handle.read(length, { at: 0 });
    const head = new Uint8Array(length.getUint32(0));
    handle.read(head, { at: 4 });
    return { ...JSON.parse(new TextDecoder().decode(head)), start: 4 + head.length };
  };
  const reading = async (key, use) => {
    let handle;
    try {
      handle = await open(false);
      const head = readHead(handle);
      return head.key === key ? use(handle, head) : null; // else another build's
    } catch {
      return null; // nothing kept (or held by another tab)
    } finally {
      handle?.close();
    }
  };
  return {
    get: (key) =>
      reading(key, (handle, { headers, start }) => {
        const bytes = new Uint8Array(handle.getSize() - start);
        return handle.read(bytes, { at: start }) === bytes.length ? { bytes, headers } : null;
      }),
    has: async (key) => Boolean(await reading(key, () => true)),
    async put(key, bytes, headers = {}) {
      let handle;
      try {
        handle = await open(true);
        const head = new TextEncoder().encode(JSON.stringify({ key, headers }));
        const length = new DataView(new ArrayBuffer(4));
        length.setUint32(0, head.length);
        handle.truncate(0);
        handle.write(length, { at: 0 });
        handle.write(head, { at: 4 });
        handle.write(bytes, { at: 4 + head.length });
        handle.flush();
      } catch {
        // not kept: the next visit does the work again
      } finally {
        handle?.close();
      }
    },
    /** One file per store: forgetting removes it, whatever its key. */
    async forget() {
      try {
        await (await folder()).removeEntry(`${name}.bin`);
      } catch {
        // nothing kept, nothing to forget
      }
    },
  };
}

/** keptFile's interface over a Cache API store. */
function cachedFile(store) {
  return {
    async get(key) {
      try {
        const response = await store.get(key);
        if (!response) return null;
        return { bytes: new Uint8Array(await response.arrayBuffer()), headers: Object.fromEntries(response.headers) };
      } catch {
        return null;
      }
    },
    has: async (key) => Boolean(await store.get(key)),
    put: (key, bytes, headers) => store.put(key, bytes, headers),
    forget: (key) => store.forget(key),
  };
}
