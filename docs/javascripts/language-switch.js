// The language switch keeps the reader on the same page: English pages sit at the site root,
// French ones at the same path under fr/. Material's own switch matches pages through each
// language's sitemap and, with one language at the root, lands on the other home page; and
// with instant navigation the header (and the switch's links) is not swapped, so the twin is
// computed here from the current address when the reader clicks. A language change is a full
// page load: the other edition has its own theme language and search.
document.addEventListener(
  "click",
  (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[data-language-switch]") : null;
    if (!link || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    // __md_scope: the site root, set by Material's head script on the first load.
    const root = new URL(String(globalThis.__md_scope ?? new URL("/", location.href)));
    let path = location.pathname.startsWith(root.pathname) ? location.pathname.slice(root.pathname.length) : "";
    if (path === "fr" || path.startsWith("fr/")) path = path.slice(3);
    const target = new URL((link.hreflang === "fr" ? "fr/" : "") + path, root);
    event.preventDefault();
    event.stopPropagation();
    location.assign(target.href);
  },
  true,
);
