// Wide tables scroll sideways inside Material's wrapper on phones. A scrolling region must
// be reachable by keyboard (WCAG 2.1.1; axe scrollable-region-focusable), so each wrapper
// becomes a focusable region, labelled uniquely (axe landmark-unique) from the heading
// above it. Runs after every instant-navigation page swap.
document$.subscribe(() => {
  const wrappers = document.querySelectorAll(".md-typeset__scrollwrap");
  wrappers.forEach((wrapper, index) => {
    let heading = null;
    for (const candidate of document.querySelectorAll(".md-typeset h1, .md-typeset h2, .md-typeset h3")) {
      if (candidate.compareDocumentPosition(wrapper) & Node.DOCUMENT_POSITION_FOLLOWING) {
        heading = candidate;
      }
    }
    // The words are the page's language's, from overrides/main.html (meta name="cec-table-label").
    const words = document.querySelector('meta[name="cec-table-label"]');
    const section = heading ? heading.textContent.replace("¶", "").trim() : words.dataset.page;
    wrapper.tabIndex = 0;
    wrapper.setAttribute("role", "region");
    const label = words.content
      .replace("{number}", String(index + 1))
      .replace("{count}", String(wrappers.length))
      .replace("{section}", section);
    wrapper.setAttribute("aria-label", label);
  });
});
