// Runtime files checked against the SHA-256 digests recorded at build time, before use.
//
// The worker asks for every runtime file at once (the downloads overlap), and each file is
// compared with its digest (crypto.subtle.digest) before Python or the browser uses it:
// - data files (standard library, lock file, rules wheel): checked before the response is handed on;
// - the wasm binary: compiled from the start (while the JavaScript loads) as its copy is
//   hashed, and instantiated only once the hash matches (streaming compilation keeps working).
//   It travels as its gzip copy when the build made one (9.6 MB -> 3.5 MB; hosts such as GitHub
//   Pages do not compress wasm), decompressed here with DecompressionStream; the hash is of the
//   decompressed bytes, the ones that run. Without DecompressionStream, or when the copy cannot
//   be had, the plain file is used. The decompressed wasm is kept in the Cache API under the
//   plain file's URL, and the next visit compiles it from there instead of decompressing again.
//   Neither gets Chrome's compiled-code cache (it needs a response with a URL, from the HTTP
//   cache): revisits compile the wasm again, the price of the smaller download; measured, the
//   plain file's code cache would save about 0.1 s of a revisit, the Python snapshot kept by
//   snapshot.js saves about 0.3-0.8 s (bench/README.md);
// - the two JavaScript modules: fetched and checked, then imported (the import is served by
//   the HTTP cache the check just filled).

import { failure, httpFailure, IntegrityError, sha256 } from "./engine-errors.js";
import { keptStore } from "./kept.js";
import { unpackAside } from "./unpack.js";

// The decompressed wasm, kept for the next visit (one entry: the current build's).
const unpackedCopies = keptStore("cec-unpacked");

/**
 * The runtime folder ``indexURL``: ``files`` maps the names Pyodide knows to the published,
 * content-hashed names, ``digests`` each published name to "sha256-<base64>", ``compressed``
 * a published name to its gzip copy's (optional).
 * ``install()`` routes the worker's fetch and wasm instantiation through the checks.
 */
export function createVerifier(indexURL, files, digests, compressed = {}) {
  if (!files || !digests || !Object.keys(digests).length) {
    throw failure("ui.engine_no_digests");
  }
  const published = (name) => new URL(files[name] || name, indexURL).href;
  // Either name (Pyodide asks for "pyodide.asm.wasm") leads to the published file.
  const byURL = new Map();
  for (const [known, name] of Object.entries(files)) {
    byURL.set(new URL(known, indexURL).href, name);
    byURL.set(new URL(name, indexURL).href, name);
  }
  const early = new Map(); // href -> Promise<Response> started before anyone asked
  const wasmResponses = new WeakMap(); // Response -> file name, checked at instantiation
  const networkFetch = self.fetch.bind(self);
  // Pyodide logs and swallows some load errors (a failed stdlib or wasm) and then never
  // settles; this promise rejects on the first failed check so the caller can stop waiting.
  let refuse;
  const refused = new Promise((_, reject) => (refuse = reject));
  refused.catch(() => {}); // handled by whoever races it

  const unpackedResponses = new WeakMap(); // decompressed here -> the plain file's URL
  const keptResponses = new WeakMap(); // read from the copy an earlier visit kept -> its URL
  const passed = new Map(); // name -> {promise, resolve}: settled once the file's check passes
  const passing = (name) => {
    if (!passed.has(name)) {
      let resolve;
      const promise = new Promise((yes) => (resolve = yes));
      passed.set(name, { promise, resolve });
    }
    return passed.get(name);
  };

  async function check(name, response) {
    try {
      if (!response.ok) throw httpFailure(name, response.status);
      let body;
      try {
        body = await response.clone().arrayBuffer();
      } catch (error) {
        throw unpackedResponses.has(response) ? new IntegrityError(name) : error;
      }
      const actual = await sha256(body);
      if (actual !== digests[name]) {
        if (keptResponses.has(response)) unpackedCopies.forget(keptResponses.get(response)); // fetch afresh next
        throw new IntegrityError(name);
      }
      if (unpackedResponses.has(response)) {
        unpackedCopies.put(unpackedResponses.get(response), body, { "Content-Type": "application/wasm" });
      }
      passing(name).resolve();
      return response;
    } catch (error) {
      refuse(error);
      throw error;
    }
  }

  // Offline: the copy the service worker kept (sw.js lets the wasm bypass it while online).
  function download(href) {
    return networkFetch(href, { credentials: "same-origin" }).catch(async (error) => {
      const kept = self.caches && (await self.caches.match(href));
      if (kept) return kept;
      throw error;
    });
  }

  function request(name) {
    const href = new URL(name, indexURL).href;
    const started = early.get(href);
    early.delete(href); // a prefetched response body can be read once
    return started || download(href);
  }

  /** fetch() for the runtime: known files are checked (wasm: at instantiation). */
  async function verifiedFetch(input, init) {
    const href = new URL(input instanceof Request ? input.url : String(input), indexURL).href;
    const name = byURL.get(href);
    if (!name) return networkFetch(input, init);
    if (compiled.has(name)) {
      // Already downloading and compiling: Pyodide gets a stand-in that instantiation recognises.
      const standIn = new Response(null, { headers: { "Content-Type": "application/wasm" } });
      wasmResponses.set(standIn, name);
      return standIn;
    }
    const response = await request(name);
    if (name.endsWith(".wasm")) {
      wasmResponses.set(response, name);
      return response;
    }
    return check(name, response);
  }

  /**
   * The published file ``name``: the decompressed copy an earlier visit kept, else its gzip
   * copy decompressed when there is one, else the plain file. Whatever the source, check()
   * compares the bytes that run with the digest.
   */
  async function downloadUnpacked(name) {
    const href = published(name);
    const plain = () => download(href);
    const packed = compressed[files[name] || name];
    if (!packed || typeof DecompressionStream !== "function") return plain();
    const kept = await unpackedCopies.get(href);
    if (kept) {
      keptResponses.set(kept, href);
      return kept;
    }
    return download(new URL(packed, indexURL).href).then((response) => {
      if (!response.ok || !response.body) return plain();
      const unpacked = new Response(response.body.pipeThrough(new DecompressionStream("gzip")), {
        headers: { "Content-Type": "application/wasm" },
      });
      unpackedResponses.set(unpacked, href);
      return unpacked;
    }, plain);
  }

  // The wasm is compiled from the moment the worker starts, while the JavaScript modules load
  // (about 300 ms each, now overlapped); its hash is checked meanwhile, before instantiation.
  const compiled = new Map(); // name -> Promise<{module, checked}>
  function compileEarly(name) {
    const job = downloadUnpacked(name).then((response) => {
      const checked = check(name, response); // reads a copy while the original compiles
      checked.catch(() => {}); // reported through `refused`; awaited below
      return { module: WebAssembly.compileStreaming(response), checked };
    });
    job.catch((error) => refuse(error));
    compiled.set(name, job);
  }

  async function verifiedInstantiateStreaming(source, imports) {
    const response = await source;
    const name = wasmResponses.get(response) || byURL.get(response.url);
    if (!name) throw failure("ui.engine_unlisted_wasm", { url: response.url });
    const job = compiled.get(name) || {
      module: WebAssembly.compileStreaming(response),
      checked: check(name, response),
    };
    const { module: compiling, checked } = await job;
    let module;
    try {
      module = await compiling;
    } catch (error) {
      await checked; // a damaged file is reported as damaged, not as a compile error
      throw error;
    }
    await checked;
    const instance = await WebAssembly.instantiate(module, imports);
    return { module, instance };
  }

  return {
    /** Start downloading every listed file now (saves a round trip per file later). */
    prefetch(names = Object.values(files)) {
      for (const name of names) {
        const href = published(name);
        if (name.endsWith(".wasm") && typeof WebAssembly.compileStreaming === "function") {
          if (!compiled.has(name)) compileEarly(name);
        } else if (!early.has(href)) {
          early.set(href, download(href));
        }
      }
    },
    /** Route this worker's fetch and WebAssembly.instantiateStreaming through the checks. */
    install() {
      self.fetch = verifiedFetch;
      WebAssembly.instantiateStreaming = verifiedInstantiateStreaming;
    },
    /** Rejects with the first failed check (never resolves). */
    refused,
    /** Resolves once the published file ``name`` has arrived and matched its digest. */
    checked: (name) => passing(name).promise,
    /** The published URL of a file. */
    url: published,
    /** A checked file's bytes. */
    async bytes(name) {
      const response = await verifiedFetch(published(name));
      return new Uint8Array(await response.arrayBuffer());
    },
    /**
     * The decompressed bytes of ``name``, published only as its gzip copy (the build's memory
     * snapshot), once the copy matches its digest; rejects otherwise. Not one of Pyodide's requests:
     * a failure here never stops the start (worker.js falls back).
     */
    async unpackedBytes(name) {
      const copy = compressed[files[name]];
      if (!copy || !digests[copy] || typeof DecompressionStream !== "function") throw new IntegrityError(name);
      return unpackAside(new URL(copy, indexURL).href, digests[copy], name, networkFetch);
    },
    /** Import a JavaScript module of the runtime once its bytes have been checked. */
    async importModule(name) {
      await verifiedFetch(published(name));
      return import(published(name));
    },
  };
}
