// The categories page's occupation filter. Without JavaScript the page shows every category's
// full list (collapsed blocks the browser's find-in-page still reaches); with it, a search box
// appears and typing keeps only the rows whose title or code matches, opening the categories
// that list one and hiding the others. Its words are in the page (data-* attributes), so the
// guide's language decides them. Runs after every instant-navigation page swap.

import { fold } from "./checker/form/noc-match.js";

const words = (text) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Whether every typed word begins a word of the row (its code, title and TEER). */
const matches = (tokens, rowWords) => tokens.every((token) => rowWords.some((word) => word.startsWith(token)));

function mount(box) {
  if (box.dataset.mounted) return;
  box.dataset.mounted = "true";
  const input = box.querySelector("input");
  const status = box.querySelector("[data-occupation-filter-status]");
  const blocks = [...document.querySelectorAll("details")]
    .filter((details) => box.compareDocumentPosition(details) & Node.DOCUMENT_POSITION_FOLLOWING)
    .map((details) => ({
      details,
      wasOpen: details.open,
      rows: [...details.querySelectorAll("tbody tr")].map((row) => ({ row, words: words(row.textContent) })),
    }));

  function apply() {
    const tokens = words(input.value);
    let count = 0;
    for (const block of blocks) {
      let found = 0;
      for (const { row, words: rowWords } of block.rows) {
        const shown = !tokens.length || matches(tokens, rowWords);
        row.hidden = !shown;
        if (shown) found += 1;
      }
      count += tokens.length ? found : 0;
      block.details.hidden = tokens.length > 0 && found === 0;
      block.details.open = tokens.length ? found > 0 : block.wasOpen;
    }
    if (!tokens.length) status.textContent = "";
    else if (count === 0) status.textContent = status.dataset.none;
    else if (count === 1) status.textContent = status.dataset.one;
    else status.textContent = status.dataset.many.replace("{count}", String(count));
  }

  input.addEventListener("input", apply);
  box.hidden = false;
}

function bind() {
  const box = document.querySelector("[data-occupation-filter]");
  if (box) mount(box);
}

if (window.document$) window.document$.subscribe(bind);
else bind();
