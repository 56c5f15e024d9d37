import assert from "node:assert/strict";
import { afterEach, test } from "node:test";

// kept.js runs in the engine worker: `self` is its global, with the origin private file system
// (navigator.storage) where the browser has one and the Cache API elsewhere. Both are faked
// here with what kept.js calls, so each path's format and failures are checked.
globalThis.self = globalThis;
const { keptFile } = await import("../../docs/javascripts/checker/engine/kept.js");

/** A private file system of one folder: name -> bytes; `locked` names refuse a second opener. */
function fakeFileSystem(files = new Map(), locked = new Set()) {
  const handleFor = (name) => ({
    async createSyncAccessHandle() {
      if (locked.has(name)) throw new Error("NoModificationAllowedError");
      let data = files.get(name);
      const view = (target) => new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
      return {
        getSize: () => data.length,
        read(target, { at }) {
          const part = data.subarray(at, at + target.byteLength);
          view(target).set(part);
          return part.length;
        },
        write(source, { at }) {
          const bytes = view(source);
          if (at + bytes.length > data.length) {
            const grown = new Uint8Array(at + bytes.length);
            grown.set(data);
            data = grown;
          }
          data.set(bytes, at);
          files.set(name, data);
          return bytes.length;
        },
        truncate(size) {
          data = data.slice(0, size);
          files.set(name, data);
        },
        flush() {},
        close() {},
      };
    },
  });
  globalThis.FileSystemFileHandle = class {};
  FileSystemFileHandle.prototype.createSyncAccessHandle = () => {};
  globalThis.navigator = {
    storage: {
      async getDirectory() {
        return {
          async getFileHandle(name, { create = false } = {}) {
            if (!files.has(name)) {
              if (!create) throw new Error("NotFoundError");
              files.set(name, new Uint8Array(0));
            }
            return handleFor(name);
          },
          async removeEntry(name) {
            if (!files.delete(name)) throw new Error("NotFoundError");
          },
        };
      },
    },
  };
  return files;
}

/** A Cache API of named stores: key -> Response. */
function fakeCaches() {
  const stores = new Map();
  globalThis.caches = {
    async open(name) {
      if (!stores.has(name)) stores.set(name, new Map());
      const store = stores.get(name);
      return {
        match: async (key) => store.get(key)?.clone(),
        put: async (key, response) => void store.set(key, response),
        keys: async () => [...store.keys()].map((url) => ({ url })),
        delete: async (request) => store.delete(request.url ?? request),
      };
    },
  };
  return stores;
}

afterEach(() => {
  delete globalThis.FileSystemFileHandle;
  delete globalThis.navigator;
  delete globalThis.caches;
});

const BYTES = new Uint8Array([1, 2, 3, 250, 0, 7]);
const HEADERS = { "x-cec-digest": "sha256-abc" };

for (const [where, make] of [
  ["the private file system", () => fakeFileSystem()],
  ["the Cache API", () => fakeCaches()],
]) {
  test(`${where}: what is kept under a key comes back under that key only`, async () => {
    make();
    const kept = keptFile("cec-test");
    assert.equal(await kept.get("a"), null);
    assert.equal(await kept.has("a"), false);
    await kept.put("a", BYTES, HEADERS);
    assert.deepEqual(await kept.get("a"), { bytes: BYTES, headers: HEADERS });
    assert.equal(await kept.has("a"), true);
    await kept.put("b", BYTES.subarray(2), HEADERS); // a new build's copy replaces the old
    assert.equal(await kept.get("a"), null);
    assert.deepEqual((await kept.get("b")).bytes, BYTES.subarray(2));
    await kept.forget("b");
    assert.equal(await kept.get("b"), null);
  });
}

test("the private file system: one file, its length, key and headers before the bytes", async () => {
  const files = fakeFileSystem();
  await keptFile("cec-test").put("a", BYTES, HEADERS);
  const [[name, data]] = [...files];
  const length = new DataView(data.buffer).getUint32(0);
  assert.equal(name, "cec-test.bin");
  assert.deepEqual(JSON.parse(new TextDecoder().decode(data.subarray(4, 4 + length))), { key: "a", headers: HEADERS });
  assert.deepEqual(data.subarray(4 + length), BYTES);
});

test("the private file system: a copy cut short, unreadable or held by another tab is not read", async () => {
  const files = fakeFileSystem();
  const kept = keptFile("cec-test");
  await kept.put("a", BYTES, HEADERS);
  const whole = files.get("cec-test.bin");
  files.set("cec-test.bin", whole.slice(0, 10)); // the header's JSON cut: unreadable
  assert.equal(await kept.get("a"), null);
  files.set("cec-test.bin", new Uint8Array(0)); // created, never written
  assert.equal(await kept.get("a"), null);
  fakeFileSystem(new Map([["cec-test.bin", whole]]), new Set(["cec-test.bin"]));
  const busy = keptFile("cec-test");
  assert.equal(await busy.get("a"), null);
  await busy.put("a", BYTES, HEADERS); // refused quietly: nothing thrown
});
