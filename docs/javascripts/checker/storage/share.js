// Share links, answer files and the opt-in "remember on this device" store.
// A share link carries the profile in the URL fragment (#profile=<base64url JSON, no padding>),
// which browsers never send to a server. Whatever comes in is checked by answers.js before the
// form sees it: the readers return {profile, odd} or throw answers.Refused.

import { checkSize, parseAnswers, Refused } from "./answers.js";

const STORAGE_KEY = "cec-checker-profile";
export const HASH_PREFIX = "#profile=";

/** The profile as base64url (RFC 4648 §5) of its UTF-8 JSON, without padding. */
export function encodeProfile(profile) {
  const bytes = new TextEncoder().encode(JSON.stringify(profile));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** {profile, odd} decoded from base64url JSON; throws Refused on anything else. */
export function decodeProfile(text, limits) {
  // Four base64 characters carry three bytes: the size is known before anything is decoded.
  checkSize(Math.floor((text.length * 3) / 4), limits);
  let json;
  try {
    let base64 = text.trim().replace(/-/g, "+").replace(/_/g, "/");
    while (base64.length % 4) base64 += "=";
    const bytes = Uint8Array.from(atob(base64), (ch) => ch.charCodeAt(0));
    json = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Refused("ui.reason_cut_short");
  }
  try {
    return parseAnswers(json, limits);
  } catch (error) {
    // Text that is not JSON in a link is a link cut short, as far as the person can tell.
    if (error instanceof Refused && error.key === "ui.reason_not_json") throw new Refused("ui.reason_cut_short");
    throw error;
  }
}

/** The link that reopens this page with the profile filled in and checked. */
export function shareLink(profile, location = window.location) {
  return location.origin + location.pathname + HASH_PREFIX + encodeProfile(profile);
}

/** {profile, odd} from the URL fragment, null when it has none; throws Refused when broken. */
export function profileFromHash(limits, hash = window.location.hash) {
  if (!hash.startsWith(HASH_PREFIX)) return null;
  return decodeProfile(hash.slice(HASH_PREFIX.length), limits);
}

/**
 * {profile, odd} from a share link the person pasted: a whole address or only its #profile=
 * part. Checked like a link opened in the address (same size limit before decoding, same
 * checks); throws Refused when the text holds no #profile= or the answers in it are broken.
 * Nothing is visited, so the link never enters the browser's history.
 */
export function profileFromPasted(text, limits) {
  const at = text.indexOf(HASH_PREFIX);
  if (at < 0) throw new Refused("ui.reason_no_link");
  return decodeProfile(text.slice(at + HASH_PREFIX.length).trim(), limits);
}

/** Take the answers out of the address (and so out of history): the bare checker URL. */
export function clearHash(location = window.location, history = window.history) {
  if (location.hash) history.replaceState(history.state, "", location.pathname + location.search);
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

/** {profile, odd} from an answers file chosen by the person; its size is checked unread. */
export async function readProfileFile(file, limits) {
  checkSize(file.size, limits);
  let text;
  try {
    text = await file.text();
  } catch {
    throw new Refused("ui.reason_unreadable");
  }
  return parseAnswers(text, limits);
}

// Storage can be disabled or full (private modes); remembering is a convenience, never required.
/** {profile, odd} remembered in this browser, null when none; damaged ones are removed (Refused). */
export function remembered(limits) {
  let text = null;
  try {
    text = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: nothing can have been kept
  }
  if (!text) return null;
  try {
    return parseAnswers(text, limits);
  } catch (error) {
    forget();
    throw error;
  }
}

/** Whether answers are remembered in this browser (false when storage is blocked). */
export function hasRemembered() {
  try {
    return Boolean(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
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

/** Remove the remembered answers, and any page the offline copy kept with answers in its address. */
export function forget() {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    /* nothing stored */
  }
  return forgetOfflineCopies();
}

// The offline copy (sw.js, caches named cec-offline-*) keeps pages under their bare address;
// copies made before it did may carry a share link's #profile= (or a query) in their key.
async function forgetOfflineCopies() {
  if (!("caches" in window)) return;
  try {
    for (const name of await caches.keys()) {
      if (!name.startsWith("cec-offline-")) continue;
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const url = new URL(request.url);
        if (url.hash || url.search) await cache.delete(request);
      }
    }
  } catch {
    /* storage blocked: nothing was kept */
  }
}
