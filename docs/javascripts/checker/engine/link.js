// Whether this visit may download the build's memory snapshot (5 MB gzipped) to skip Python's
// start-up: only on a link the browser reports as fast and not metered. Everything else starts
// as before, so a phone's budget stays what it was: no Network Information API (Safari,
// Firefox), data saver on, a cellular link (`type`, Android and ChromeOS only), a slower
// effective type, a downlink under Chromium's ceiling of 10 Mbit/s, or a round trip over 25 ms
// (a 4G phone's is 50 or more). The API rounds and caps its figures, so a 10 Mbit/s line with a
// short round trip passes too: bench/README.md has what that costs.

const SLOW_TYPES = new Set(["cellular", "bluetooth", "wimax", "none"]);
const CEILING_MBIT = 10; // Chromium never reports more
const MAX_RTT_MS = 25;

/** True when ``connection`` (navigator.connection) describes a fast, unmetered link. */
export function fastLink(connection = globalThis.navigator?.connection) {
  if (!connection || connection.saveData || SLOW_TYPES.has(connection.type)) return false;
  return connection.effectiveType === "4g" && connection.downlink >= CEILING_MBIT && connection.rtt <= MAX_RTT_MS;
}
