// The occupation search of a job row: type a title or a code, choose a NOC unit group, and the
// row's code and TEER are filled in. The ARIA combobox pattern (an input with a list box of
// options, aria-activedescendant, arrow keys, Enter, Escape), the count of matches announced.
// The titles (site_scripts/tables/noc_search.py: class titles, everyday names such as "PSW") are
// fetched the first time anyone types in a search, never before: the page and its first verdict
// do not wait for them. The browser checks the file against the digest in the page's configuration.

import { bidi, h, isolate } from "../dom.js";
import { field, nextId } from "./fields.js";
import { echoed, matchOccupations, occupationIndex, unitGroupUrl } from "./noc-match.js";

const SHOWN = 8; // options at once: the list never needs its own scroll bar

let titles = null; // one promise per page: {index, byCode, unitGroupUrl}

/** The titles in the page's language, fetched once (beside this module, like the other assets). */
function loadTitles(language, teerDigit, integrity) {
  if (!titles) {
    const url = new URL(`../noc-titles.${language}.json`, import.meta.url);
    titles = fetch(url, { integrity })
      .then((response) => {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then((data) => {
        const index = occupationIndex(data.units, teerDigit, [...data.names, ...data.examples]);
        return { index, byCode: new Map(index.map((entry) => [entry.code, entry])), pattern: data.unit_group_url };
      })
      .catch((error) => {
        titles = null; // a later keystroke tries again
        throw error;
      });
  }
  return titles;
}

/** The search field; `onPick({code, teer})` fills the row. `showCode(code)` names a code typed. */
export function occupationSearch(metadata, { onPick }) {
  const { t, nocCode, limits, titlesIntegrity } = metadata;
  const language = t.locale.slice(0, 2);
  const listId = nextId("l");
  const input = h("input", {
    type: "text",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": listId,
    autocomplete: "off",
    spellcheck: "false",
    maxlength: String(2 * limits.titleCharacters), // a search is a title at most; no 2 MB paste
    dataset: { search: "occupation" },
  });
  const list = h("ul", { id: listId, role: "listbox", class: "cec-options", "aria-label": t("ui.noc_list_label") });
  list.hidden = true;
  const status = h("p", { class: "cec-sr", role: "status", "aria-live": "polite" });
  const chosen = h("p", { class: "cec-hint cec-occupation-chosen", hidden: true });
  const wrapper = field(t, {
    label: t("ui.noc_search_label"),
    control: input,
    hint: t("ui.noc_search_hint"),
    optional: true,
    className: "cec-wide cec-occupation",
  });
  const combobox = h("div", { class: "cec-combobox" });
  input.replaceWith(combobox);
  combobox.append(input, list);
  wrapper.append(status, chosen);

  let options = []; // the unit groups listed
  let active = -1;
  let data = null;

  // The status is read aloud: what the person typed is repeated bounded (echoed) and isolated.
  const say = (text) => {
    status.replaceChildren(...bidi(text));
  };

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function open() {
    if (!options.length) return;
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function highlight(index) {
    active = index;
    for (const [i, option] of [...list.children].entries()) option.setAttribute("aria-selected", String(i === index));
    if (index < 0) {
      input.removeAttribute("aria-activedescendant");
      return;
    }
    const option = list.children[index];
    input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  function render() {
    const query = input.value.trim();
    const { total, results } = data ? matchOccupations(data.index, query, SHOWN) : { total: 0, results: [] };
    options = results;
    list.replaceChildren(
      ...results.map((entry, i) =>
        h(
          "li",
          { id: `${listId}-${i}`, role: "option", "aria-selected": "false", dataset: { code: entry.code } },
          h("span", { class: "cec-option-title" }, entry.title),
          " ",
          h("span", { class: "cec-option-meta" }, t("ui.noc_option_meta", { code: entry.code, teer: entry.teer })),
          // Found by another name ("PSW"): say which, so the title shown is not a surprise.
          ...(entry.matched
            ? [" ", h("span", { class: "cec-option-meta" }, t("ui.noc_option_matched", { name: entry.matched }))]
            : []),
        ),
      ),
    );
    active = -1;
    if (!query) {
      close();
      say("");
    } else if (!total) {
      close();
      say(t("ui.noc_none", { query: isolate(echoed(query)) }));
    } else {
      open();
      highlight(-1);
      say(
        total > results.length
          ? t("ui.noc_found_more", { count: total, shown: results.length })
          : t("ui.noc_found", { count: total }),
      );
    }
  }

  /** Show the unit group's title, TEER and official page under the search (when titles are loaded). */
  function showCode(code) {
    const entry = data && nocCode.pattern.test(code || "") ? data.byCode.get(code) : null;
    chosen.hidden = !entry;
    if (!entry) return;
    chosen.replaceChildren(
      t("ui.noc_chosen", { code: entry.code, title: entry.title, teer: entry.teer }),
      " ",
      h("a", { href: unitGroupUrl(data.pattern, entry.code), rel: "external" }, t("ui.noc_official_link", { code })),
    );
  }

  function pick(index) {
    const entry = options[index];
    if (!entry) return;
    input.value = entry.title;
    close();
    onPick({ code: entry.code, teer: entry.teer });
    showCode(entry.code);
    say(t("ui.noc_picked", { code: entry.code, title: entry.title, teer: entry.teer }));
  }

  input.addEventListener("input", () => {
    if (data) {
      render();
      return;
    }
    say(t("ui.noc_loading"));
    loadTitles(language, nocCode.teerDigit, titlesIntegrity).then(
      (loaded) => {
        data = loaded;
        render();
      },
      () => say(t("ui.noc_load_failed")),
    );
  });

  input.addEventListener("keydown", (event) => {
    const count = options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!count) return;
      event.preventDefault();
      if (list.hidden) {
        open();
        highlight(event.key === "ArrowDown" ? 0 : count - 1);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight(active < 0 && step < 0 ? count - 1 : (active + step + count) % count);
    } else if (event.key === "Enter") {
      if (list.hidden) return; // the form's own Enter (check)
      event.preventDefault();
      if (active >= 0) pick(active);
    } else if (event.key === "Escape") {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else if (input.value) {
        event.preventDefault();
        input.value = "";
        options = [];
        say("");
      }
    }
  });
  input.addEventListener("blur", close);
  // Keep the focus in the input when an option is pressed (so blur does not close the list first).
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) pick([...list.children].indexOf(option));
  });

  return { element: wrapper, showCode };
}
