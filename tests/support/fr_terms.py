"""The French terms of shared/reference/fr-terms.md (IRCC's and the regulation's usage), as test
data: where an English page uses a term, its French twin uses the listed French form; no French
page uses a form the list rules out. Taken from that file's table and notes, not invented: a row
is here when its English term can be found in English prose (abbreviations alone are left to the
glossary's own test)."""

from __future__ import annotations

# (English term as the English pages write it, a regular expression; the French form(s), any of
# which satisfies the row, each as the list writes it.)
LISTED: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"Canadian Experience Class", ("catégorie de l'expérience canadienne",)),
    (r"Express Entry", ("Entrée express",)),
    (r"Comprehensive Ranking System", ("Système de classement global",)),
    (r"invitation to apply", ("invitation à présenter une demande",)),
    (r"minimum entry criteria", ("critères d'admission minimaux",)),
    (r"electronic application for permanent residence|e-APR", ("DRPe",)),
    (r"acknowledg(e)?ment of receipt", ("accusé de réception",)),
    (r"Federal Skilled Worker Program", ("Programme des travailleurs qualifiés (fédéral)",)),
    (
        r"Federal Skilled Trades Program",
        ("Programme des travailleurs de métiers spécialisés (fédéral)",),
    ),
    (r"National Occupational Classification", ("Classification nationale des professions",)),
    (r"\bTEER\b", ("FÉER",)),
    (r"lead statement", ("énoncé principal",)),
    (r"main duties", ("fonctions principales",)),
    (r"restricted occupation", ("profession d'accès limité", "professions d'accès limité")),
    (
        r"bridging open work permit",
        ("permis de travail ouvert transitoire", "permis de travail ouverts transitoires"),
    ),
    (r"maintained status", ("statut maintenu",)),
    (r"proof of funds", ("preuve de fonds",)),
    (r"category-based", ("axée sur les catégories", "axées sur les catégories")),
    (r"rounds? of invitations", ("ronde d'invitations", "rondes d'invitations")),
    (r"self-employ", ("travail autonome",)),
    (r"full-time study", ("études à temps plein",)),
    (r"educational credential assessment", ("évaluation des diplômes d'études",)),
    (r"cut-off scores?|rounds?'? cut-offs?", ("note minimale", "notes minimales")),
    (r"Provincial Nominee Program", ("Programme des candidats des provinces",)),
    (r"misrepresentation", ("fausses déclarations",)),
)

# Forms the list rules out on French pages, with the row that says so.
RULED_OUT: tuple[tuple[str, str], ...] = (
    (
        r"\bpar catégorie\b",
        "category-based selection, rounds: « axée(s) sur les catégories », not « par catégorie »",
    ),
    (
        r"\bscores? (limite|SCG)",
        "CRS score; cut-off score: « note SCG », « note minimale », not « score »",
    ),
    (r"\b(le|un|votre|leur|du|au) score\b", "CRS score: « note », not « score »"),
    (r"\btranch(er|e|ent|é)\b", "to decide an application: not « trancher »"),
)

# The CRS education factor: « études », not « éducation » (the category's name).
EDUCATION_FACTOR_KEYS = ("ui.crs_factor_education", "cli.factor_education")
