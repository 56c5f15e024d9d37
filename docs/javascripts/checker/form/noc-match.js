// Matching a typed title or code against the NOC unit groups: pure functions, no DOM, so the
// occupation search (noc-search.js) and its Node tests share them. Accents and case are
// ignored ("genie" finds "Génie"); each word typed must begin a word of the title ("soft dev"
// finds "Software developers"), or, for digits, begin the code ("632" finds 63200).

// The most characters of a search a sentence repeats (a status read aloud): a long paste is cut.
export const ECHO_MOST = 60;

/** `query` as a sentence repeats it: at most `most` characters (code points), then "…". */
export function echoed(query, most = ECHO_MOST) {
  const characters = [...query];
  return characters.length > most ? `${characters.slice(0, most).join("")}…` : query;
}

/** Lower case without accents: "Génie" -> "genie". */
export const fold = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

const words = (text) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The searchable form of [code, title] rows: [{code, title, teer, words, folded}]. */
export function occupationIndex(units, teerDigit = 1) {
  return units.map(([code, title]) => ({
    code,
    title,
    teer: Number(code[teerDigit]),
    words: words(title),
    folded: fold(title),
  }));
}

// How well one typed word matches a title: a whole word beats the start of a word; a word
// typed again later in the title counts once. Null when no word of the title starts with it.
function wordScore(token, entry) {
  if (/^\d+$/.test(token)) return entry.code.startsWith(token) ? (token.length === entry.code.length ? 6 : 4) : null;
  let best = null;
  for (const [position, word] of entry.words.entries()) {
    if (!word.startsWith(token)) continue;
    const exact = word === token || word === `${token}s` || `${word}s` === token;
    const score = (exact ? 3 : 2) - position * 0.01;
    if (best === null || score > best) best = score;
  }
  return best;
}

/**
 * The unit groups matching `query`, best first: every typed word must match; a title that
 * starts with what was typed comes first, then whole words over word starts, then shorter
 * titles (more specific), then the code; digits alone list codes in order. At most `limit` results; `total` says how many matched.
 */
export function matchOccupations(index, query, limit = 20) {
  const tokens = words(query);
  if (!tokens.length) return { total: 0, results: [] };
  const phrase = tokens.join(" ");
  const scored = [];
  for (const entry of index) {
    let score = 0;
    for (const token of tokens) {
      const found = wordScore(token, entry);
      if (found === null) {
        score = null;
        break;
      }
      score += found;
    }
    if (score === null) continue;
    if (entry.words.join(" ").startsWith(phrase)) score += 2;
    scored.push({ entry, score });
  }
  // A code typed (digits only) lists its unit groups in code order.
  const byCode = tokens.every((token) => /^\d+$/.test(token));
  scored.sort(
    (a, b) =>
      (byCode ? 0 : b.score - a.score || a.entry.title.length - b.entry.title.length) ||
      (a.entry.code < b.entry.code ? -1 : 1),
  );
  return { total: scored.length, results: scored.slice(0, limit).map((item) => item.entry) };
}

/** The official page of a unit group: the pattern's {code} filled in. */
export const unitGroupUrl = (pattern, code) => pattern.replace("{code}", encodeURIComponent(code));
