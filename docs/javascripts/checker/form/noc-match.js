// Matching a typed title or code against the NOC unit groups: pure functions, no DOM, so the
// occupation search (noc-search.js) and its Node tests share them. A unit group is found by its
// class title or by another name for it (an everyday name or abbreviation such as "PSW", or a
// Statistics Canada example title). Accents and case are ignored ("prepose" finds "préposé");
// digits find codes by their start ("632" finds 63200).

// The most characters of a search a sentence repeats (a status read aloud): a long paste is cut.
export const ECHO_MOST = 60;
// A typed word found inside a longer word ("oftware") counts only from this length: shorter ones
// ("rn") are inside too many titles to say anything.
export const INSIDE_FROM = 3;

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

const searchable = (text, isTitle) => {
  const list = words(text);
  return { text, isTitle, words: list, joined: list.join(" ") };
};

/**
 * The searchable form of [code, title] rows: [{code, title, teer, texts}]. `otherNames` are
 * [name, code] pairs (everyday names, example titles) searched as well as the title.
 */
export function occupationIndex(units, teerDigit = 1, otherNames = []) {
  const index = units.map(([code, title]) => ({
    code,
    title,
    teer: Number(code[teerDigit]),
    texts: [searchable(title, true)],
  }));
  const byCode = new Map(index.map((entry) => [entry.code, entry]));
  for (const [name, code] of otherNames) byCode.get(code)?.texts.push(searchable(name, false));
  return index;
}

// How closely one typed word matches a text: 3 a whole word (or its plural), 2 the start of a
// word, 1 inside a word; 0 not at all.
function wordMatch(token, text) {
  let best = 0;
  for (const word of text.words) {
    if (word === token || word === `${token}s` || `${word}s` === token) return 3;
    if (word.startsWith(token)) best = 2;
  }
  return best || (token.length >= INSIDE_FROM && text.joined.includes(token) ? 1 : 0);
}

// The rank of one text for the typed words, higher first, or 0 when a word is missing: texts
// where every word typed is a whole word come first, then texts where each starts a word, then
// texts with a word typed inside a longer one (the weakest word decides). Within each, the
// whole text typed ("RN", "line cook") first, then a text that starts with what was typed.
// So "nurse" lists "Licensed practical nurses" (whole word) before "Nursery ..." (a start).
function textRank(tokens, phrase, text) {
  let weakest = 3;
  for (const token of tokens) {
    const match = wordMatch(token, text);
    if (!match) return 0;
    weakest = Math.min(weakest, match);
  }
  const whole = text.joined === phrase || text.joined === `${phrase}s`;
  const start = weakest >= 2 && text.joined.startsWith(phrase);
  return weakest * 10 + (whole ? 5 : 0) + (start ? 3 : 0);
}

/**
 * The unit groups matching `query`, best first (textRank of the best of its texts), ties by the
 * shorter text matched (more specific), then the code; digits alone list codes in order.
 * Each result is the index entry with `matched`: the other name that matched, or null for
 * the title. At most `limit` results; `total` says how many matched.
 */
export function matchOccupations(index, query, limit = 20) {
  const all = words(query);
  if (!all.length) return { total: 0, results: [] };
  const digits = all.filter((token) => /^\d+$/.test(token));
  const tokens = all.filter((token) => !/^\d+$/.test(token));
  const phrase = tokens.join(" ");
  const scored = [];
  for (const entry of index) {
    if (!digits.every((token) => entry.code.startsWith(token))) continue;
    let best = null;
    let rank = tokens.length ? 0 : 1;
    // The best-ranked text; on a tie the title (it is shown anyway), then the shorter name.
    for (const text of tokens.length ? entry.texts : []) {
      const found = textRank(tokens, phrase, text);
      const shorter = found === rank && found && !best.isTitle && text.joined.length < best.joined.length;
      if (found > rank || shorter) {
        rank = found;
        best = text;
      }
    }
    if (rank) scored.push({ entry, rank, length: best ? best.joined.length : 0, best });
  }
  scored.sort((a, b) => b.rank - a.rank || a.length - b.length || (a.entry.code < b.entry.code ? -1 : 1));
  return {
    total: scored.length,
    results: scored.slice(0, limit).map(({ entry, best }) => ({
      ...entry,
      matched: best && !best.isTitle ? best.text : null,
    })),
  };
}

/** The official page of a unit group: the pattern's {code} filled in. */
export const unitGroupUrl = (pattern, code) => pattern.replace("{code}", encodeURIComponent(code));
