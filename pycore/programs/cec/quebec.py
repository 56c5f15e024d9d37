"""Quebec: the intention to live in a province other than Quebec.

IRPR 87.1(1): the Canadian Experience Class is "a class of persons who may become
permanent residents on the basis of their ability to become economically
established in Canada, their experience in Canada and their intention to reside
in a province other than the Province of Quebec".
https://laws-lois.justice.gc.ca/eng/regulations/SOR-2002-227/section-87.1.html

Work done in Quebec counts like any work "in Canada" (choice recorded in
``pycore/data/quebec.toml``). Not modelled: Quebec's own selection programs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pycore.common.parameters import parameter


@dataclass(frozen=True)
class QuebecOutcome:
    """The outcome of the intent requirement on one application date."""

    met: bool
    reason: str
    plans_to_live_in_quebec: bool


def quebec(plans_to_live_in_quebec: bool, application_date: date) -> QuebecOutcome:
    """Whether the intent requirement is met, with its reason code."""
    required = parameter("quebec", "must_intend_to_live_outside_quebec").value_at(application_date)
    if required and plans_to_live_in_quebec:
        return QuebecOutcome(False, "quebec.plans_quebec", plans_to_live_in_quebec)
    return QuebecOutcome(True, "quebec.outside_quebec", plans_to_live_in_quebec)
