"""Which enterprises qualify to found an organisation of a type, why, and
when. On a date D an enterprise is considered while its status in force is
active and no active organisation of the type covers it (a joint one counts);
a person counts once, only while their membership and their employment there
are both in force on D; for the party only official members on stable terms
count. Thresholds and switches come from ``rules`` each time.

``query`` holds the rules' checks and the set-based SQL, ``explain`` the
sentences a person can act on and the explained answers, ``forecasting``
when those not qualifying yet will, ``joint_cells`` the proposals for joint
party cells. The public names are importable from here.
"""

from __future__ import annotations

from dangdn_cli.analysis.eligibility.explain import demo_summary, evaluate, near, org_name
from dangdn_cli.analysis.eligibility.forecasting import forecast
from dangdn_cli.analysis.eligibility.joint_cells import JOINT_METHOD, joint
from dangdn_cli.analysis.eligibility.query import count_eligible, eligible_enterprises
from dangdn_cli.analysis.errors import ConflictingModes, JointPartyOnly

__all__ = [
    "JOINT_METHOD",
    "ConflictingModes",
    "JointPartyOnly",
    "count_eligible",
    "demo_summary",
    "eligible_enterprises",
    "evaluate",
    "forecast",
    "joint",
    "near",
    "org_name",
]
