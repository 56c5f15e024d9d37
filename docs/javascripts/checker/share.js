// Share links, answer files and the opt-in "remember on this device" store.
// A share link carries the profile in the URL fragment (#profile=<base64url JSON, no padding>),
// which browsers never send to a server.

const STORAGE_KEY = "cec-checker-profile";
export const HASH_PREFIX = "#profile=";

/** Valid JSON that is not a set of answers (an array, a number...); the page words the message. */
export class NotAnswers extends Error {}

function answers(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new NotAnswers("not-answers");
  return value;
}

/** The profile as base64url (RFC 4648 §5) of its UTF-8 JSON, without padding. */
export function encodeProfile(profile) {
  const bytes = new TextEncoder().encode(JSON.stringify(profile));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The profile decoded from base64url JSON; throws on anything else. */
export function decodeProfile(text) {
  let base64 = text.trim().replace(/-/g, "+").replace(/_/g, "/");
  while (base64.length % 4) base64 += "=";
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  return answers(JSON.parse(new TextDecoder().decode(bytes)));
}

/** The link that reopens this page with the profile filled in and checked. */
export function shareLink(profile, location = window.location) {
  return location.origin + location.pathname + HASH_PREFIX + encodeProfile(profile);
}

/** The profile in the current URL fragment, null when there is none; throws when it is broken. */
export function profileFromHash(hash = window.location.hash) {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  return decodeProfile(hash.slice(HASH_PREFIX.length));
}

/** Offer the profile as a JSON file download. */
export function downloadProfile(profile, filename = "cec-checker-answers.json") {
  const blob = new Blob([`${JSON.stringify(profile, null, 2)}\n`], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The profile read from an answers file chosen by the person. */
export async function readProfileFile(file) {
  return answers(JSON.parse(await file.text()));
}

// Storage can be disabled or full (private modes); remembering is a convenience, never required.
export function remembered() {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function remember(profile) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(profile));
    return true;
  } catch {
    return false;
  }
}

export function forget() {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* nothing stored */
  }
}
