// Shared by the Node tests: the form metadata and catalog cases as the Python side produces
// them (tests/js/python_side.py), so the tests check the JavaScript against the real data.

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readMetadata } from "../../docs/javascripts/checker/i18n/metadata.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// pytest passes its own interpreter; run by hand, the project's virtual environment.
const PYTHON = process.env.PYTHON || (existsSync(`${ROOT}.venv/bin/python`) ? `${ROOT}.venv/bin/python` : "python3");

const cache = new Map();
export function fromPython(what) {
  if (!cache.has(what)) {
    const output = execFileSync(PYTHON, [`${ROOT}tests/js/python_side.py`, what], {
      cwd: ROOT,
      env: { ...process.env, PYTHONPATH: ROOT },
      encoding: "utf-8",
      maxBuffer: 64 * 1024 * 1024,
    });
    cache.set(what, JSON.parse(output));
  }
  return cache.get(what);
}

/** The raw form metadata (a fresh copy each call, so a test may change it). */
export const rawMetadata = () => structuredClone(fromPython("metadata"));

/** The form metadata as the page reads it. */
export const metadata = () => readMetadata(rawMetadata());
