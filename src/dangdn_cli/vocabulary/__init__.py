"""Every code a user can type or read, defined once: organisation types,
member kinds, sectors, statuses, roles, genders, candidate stages, rating
grades, visit purposes, activity and award kinds, cadre kinds, and the
names of the audit log's actions and records. Each code has its Vietnamese
and English label (and plural, short and long forms where a table, a
sentence or a report needs them) and the other words officers write for it,
which the importer and the command line accept.

Code names stay English; every table, sentence, header, report field and help
text reads its words here, so the terminal, Word and Excel say the same.
"""

from __future__ import annotations

from dangdn_cli.i18n import nfc
from dangdn_cli.vocabulary.audit import (
    ACTION,
    ENTITY,
)
from dangdn_cli.vocabulary.enterprises import (
    GENDER,
    GENDERS,
    ROLE,
    ROLES,
    SECTOR,
    SECTORS,
    STATUS,
    STATUSES,
)
from dangdn_cli.vocabulary.fieldwork import (
    ACTIVITY_KIND,
    AWARD_TARGET,
    CADRE_KIND,
    FOLLOW_UP,
    PURPOSE,
)
from dangdn_cli.vocabulary.organisations import (
    COUNTED,
    DEFAULT_ORG_NAME,
    GRADE,
    GRADE_SCALES,
    LEVEL,
    MEMBER_TYPE,
    ORG_TYPE,
    ORG_TYPES,
    PARTY_COMMITTEE_MIN_MEMBERS,
    PARTY_STATUS,
    PARTY_STATUSES,
    STAGE,
    STAGES,
    TYPE_GRADE,
    grade_label,
    grade_pair,
)
from dangdn_cli.vocabulary.terms import Group, Term, key, text

__all__ = [
    "ACTION",
    "ACTIVITY_KIND",
    "AWARD_TARGET",
    "CADRE_KIND",
    "COUNTED",
    "DEFAULT_ORG_NAME",
    "ENTITY",
    "FOLLOW_UP",
    "GENDER",
    "GENDERS",
    "GRADE",
    "GRADE_SCALES",
    "GROUPS",
    "LEVEL",
    "MEMBER_TYPE",
    "ORG_TYPE",
    "ORG_TYPES",
    "PARTY_COMMITTEE_MIN_MEMBERS",
    "PARTY_STATUS",
    "PARTY_STATUSES",
    "PURPOSE",
    "ROLE",
    "ROLES",
    "SECTOR",
    "SECTORS",
    "STAGE",
    "STAGES",
    "STATUS",
    "STATUSES",
    "TYPE_GRADE",
    "Group",
    "Term",
    "grade_label",
    "grade_pair",
    "key",
    "label",
    "labels",
    "text",
]

GROUPS: dict[str, Group] = {
    "org_type": ORG_TYPE,
    "member_type": MEMBER_TYPE,
    "counted": COUNTED,
    "sector": SECTOR,
    "status": STATUS,
    "party_status": PARTY_STATUS,
    "level": LEVEL,
    "role": ROLE,
    "gender": GENDER,
    "stage": STAGE,
    "grade": GRADE,
    "purpose": PURPOSE,
    "follow_up": FOLLOW_UP,
    "activity_kind": ACTIVITY_KIND,
    "award_target": AWARD_TARGET,
    "cadre_kind": CADRE_KIND,
    "action": ACTION,
    "entity": ENTITY,
}


def label(group: str, code: object, capital: bool = False, form: str = "name") -> str:
    """The words of a code of a group ("org_type", "party" -> "tổ chức đảng");
    ``form`` is ``name``, ``short``, ``long`` or ``plural``."""
    return GROUPS[group].label(code, capital, form)


def labels(group: str, code: object, form: str = "name") -> dict[str, str]:
    """Both languages' words of a code, as ``vi`` / ``en`` (for error templates)."""
    vi, en = GROUPS[group].pair(code, form)
    return {"vi": nfc(vi), "en": en}
