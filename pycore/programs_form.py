"""What a form needs to ask the Federal Skilled Worker and Federal Skilled Trades questions
(the profile's ``express_entry`` object): bounds, the funds table in force, the pass mark, the
trade groups. Delivered in the form metadata (``metadata.form_metadata``, key ``programs``)."""

from __future__ import annotations

from datetime import date
from typing import Any

from pycore.common.express_entry_profile import FLAGS, MAX_FAMILY_SIZE, MAX_FUNDS
from pycore.common.parameters import parameter


def programs_form(day: date) -> dict[str, Any]:
    """The programs' form facts in force on ``day``."""
    funds = parameter("fsw", "settlement_funds").at(day)
    return {
        "order": ["cec", "fsw", "fst"],
        "questions": [*FLAGS, "job_offer", "settlement_funds", "family_size"],
        "most_family_size": MAX_FAMILY_SIZE,
        "most_settlement_funds": MAX_FUNDS,
        "settlement_funds": None
        if funds is None
        else {"effective": funds.effective.isoformat(), **funds.value},
        "fsw_pass_mark": parameter("fsw", "pass_mark").value_at(day),
        "fst_trade_groups": parameter("fst", "trade_groups").value_at(day),
        "guide": "express-entry/other-programs/",
    }
