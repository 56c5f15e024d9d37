// What the engine worker's checks report: an error a person may read (a catalog key and its
// facts), a file whose bytes do not match, and the digest form the build records.

/** An error a person may read: its message is a catalog key, `facts` fill it (main.js renders it). */
export function failure(key, facts = {}) {
  return Object.assign(new Error(key), { facts });
}

// Statuses that mean the file is not on the site (as published), rather than refused or broken.
const GONE = new Set([404, 410]);

/** Why a runtime file's download failed, from its HTTP status: missing (404, 410) or that status. */
export function httpFailure(file, status) {
  return GONE.has(status) ? failure("ui.engine_file_missing", { file }) : failure("ui.engine_http", { file, status });
}

export class IntegrityError extends Error {
  constructor(name) {
    super("ui.engine_file_damaged");
    this.name = "IntegrityError";
    this.facts = { file: name };
  }
}

/** "sha256-<base64>" of ``buffer`` (the form the build records digests in). */
export async function sha256(buffer) {
  const bytes = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `sha256-${btoa(binary)}`;
}
