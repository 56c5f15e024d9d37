"""MkDocs hook: table column alignment as a class, not a ``style`` attribute.

Python-Markdown writes a pipe table's ``---:`` as ``style="text-align: right;"`` on each cell
(the generated tables right-align numbers, ``table_base.markdown_table``). The pages' policy
(``csp.py``: ``style-src 'self'``) blocks inline style attributes, so the alignment was lost and
every such page reported violations. Each alignment becomes ``class="cec-align-<side>"``, which
``docs/stylesheets/extra.css`` styles.
"""

from __future__ import annotations

import re
from typing import Any

ALIGNED = re.compile(r'<(th|td)((?:\s[^>]*)?)\sstyle="text-align: (left|right|center);?"')


def aligned_by_class(html: str) -> str:
    """``html`` with every table cell's text-align style turned into a cec-align-* class."""
    return ALIGNED.sub(lambda m: f'<{m[1]}{m[2]} class="cec-align-{m[3]}"', html)


def on_page_content(html: str, **_: Any) -> str:
    """MkDocs hook: the page's HTML with alignment classes instead of style attributes."""
    return aligned_by_class(html)
