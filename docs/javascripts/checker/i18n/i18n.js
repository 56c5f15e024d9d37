// The page's words: templates from the catalog (pycore/data/interface.<lang>.toml, delivered in
// the form metadata) filled the way pycore/common/messages.py fills them, so a sentence reads the same
// whichever side wrote it: {x} plain (numbers with separators, at most one decimal), {x:date} a
// long date, {x:or} / {x:and} a list, {x:plural:hour} "1 hour" or "2 hours". French (ui.locale
// fr-CA) is written as pycore/common/formatting.py writes it, not left to the browser's Intl data:
// 1 560 (narrow no-break space), 1 302,9, 1er novembre 2026, "ou" / "et", singular under 2.

const PLACEHOLDER = /\{(\w+)(?::([^}]*))?\}/g;
const JOINS = { en: { or: " or ", and: " and " }, fr: { or: " ou ", and: " et " } };
const FRENCH_MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

// Built once per locale. Numbers are written by hand and the date formatter is made on first
// use: the page's first Intl formatter loads the browser's locale data, 15-30 ms on the main
// thread (4 times that on Lighthouse's phone), and the form shows no date.
const FORMATS = new Map();

/** Number and date formatters for an Intl locale (the catalog's ui.locale). */
export function formats(locale) {
  if (!FORMATS.has(locale)) FORMATS.set(locale, buildFormats(locale));
  return FORMATS.get(locale);
}

/** 1560 -> "1,560", 1302.94 -> "1,302.9": thousands separators and at most one decimal,
 * rounded as Python's format() rounds (pycore/common/formatting.py): from the exact binary value, a
 * tie to the even tenth. toFixed differs only on ties, which only x.25 and x.75 can be. */
export function englishNumber(value) {
  const size = Math.abs(value);
  let digits = size.toFixed(Number.isInteger(value) ? 0 : 1);
  if (Number.isInteger(size * 4) && !Number.isInteger(size * 2)) {
    const down = Math.floor(size * 10);
    digits = ((down % 2 === 0 ? down : down + 1) / 10).toFixed(1);
  }
  const [whole, tenths] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 ? "-" : ""}${grouped}${tenths ? `.${tenths}` : ""}`;
}

function buildFormats(locale) {
  if (String(locale).startsWith("fr")) {
    const separators = { ",": "\u202f", ".": "," };
    return {
      lang: "fr",
      number: (value) => englishNumber(value).replace(/[,.]/g, (c) => separators[c]),
      date: (iso) => {
        const [year, month, day] = iso.split("-").map(Number);
        return `${day === 1 ? "1er" : day} ${FRENCH_MONTHS[month - 1]} ${year}`;
      },
    };
  }
  let long = null;
  return {
    lang: "en",
    number: englishNumber,
    date: (iso) => {
      long ??= new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
      return long.format(new Date(`${iso}T00:00:00Z`));
    },
  };
}

/** `word` for `value` of it: English plural but for 1; French from 2, words in s, x, z unchanged. */
function plural(value, word, lang) {
  if (lang === "fr") return Math.abs(value) < 2 || /[sxz]$/.test(word) ? word : `${word}s`;
  return value === 1 ? word : `${word}s`;
}

function show(value, spec, format) {
  if (spec === "date") return format.date(value);
  if (spec in JOINS.en) {
    const shown = value.map((item) => show(item, "", format));
    const parts = shown.length > 2 ? [shown.slice(0, -1).join(", "), shown.at(-1)] : shown;
    return parts.join(JOINS[format.lang][spec]);
  }
  if (spec.startsWith("plural:")) {
    const word = spec.slice("plural:".length);
    return `${show(value, "", format)} ${plural(value, word, format.lang)}`;
  }
  if (spec) throw new Error(`unknown format {:${spec}}`);
  if (value === null || value === undefined) return "none"; // as Python prints None
  if (typeof value === "number") return format.number(value);
  if (Array.isArray(value)) return value.map((item) => show(item, "", format)).join(", ");
  return String(value);
}

// French spacing as pycore/common/typography.py writes it (Le guide du rédacteur): a no-break
// space before a colon that ends a phrase and inside « », none before ; ? !. Idempotent.
const BEFORE_COLON = /(?<=\S)[ \u00a0\u202f]*:(?=\s|$)|^[ \u00a0\u202f]*:(?=\s|$)/g;

/** `text` with French spacing: "a : b" and "« c »" with no-break spaces, "d; e?". */
export function frenchSpacing(text) {
  return text
    .replace(BEFORE_COLON, "\u00a0:")
    .replace(/«[ \u00a0\u202f]*/g, "«\u00a0")
    .replace(/[ \u00a0\u202f]*»/g, "\u00a0»")
    .replace(/[ \u00a0\u202f]+(?=[;?!])/g, "");
}

/** `template` filled from `facts`; throws on a placeholder with no fact, like Python's KeyError.
 * A French template gets French spacing first (the facts, such as a job title, are left as typed). */
export function render(template, facts = {}, locale = "en-CA") {
  const format = formats(locale);
  const spaced = format.lang === "fr" ? frenchSpacing(template) : template;
  return spaced.replace(PLACEHOLDER, (_, name, spec = "") => {
    if (!(name in facts)) throw new Error(`no fact "${name}" for the template "${template}"`);
    return show(facts[name], spec, format);
  });
}

/** A `t(key, facts)` over a catalog ({key: template}); an unknown key throws. `labels` names the
 * data's labels given as facts (category names) in the page's language: `t.label(name)`. */
export function translator(messages, labels = {}) {
  const locale = messages["ui.locale"] || "en-CA";
  const t = (key, facts) => {
    if (!(key in messages)) throw new Error(`no "${key}" in the catalog`);
    return render(messages[key], facts, locale);
  };
  // A catalog key is rendered; any other text (a browser's own error message) is shown as is.
  const orText = (text, facts) => (text in messages ? t(text, facts) : text);
  const label = (text) => labels[text] ?? text;
  return Object.assign(t, formats(locale), { locale, orText, label });
}
