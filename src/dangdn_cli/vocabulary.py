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

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from dangdn_cli.i18n import fold, lang, nfc


@dataclass(frozen=True)
class Term:
    """The words for one code. ``vi`` and ``en`` are the label as it stands in
    a sentence (lower case unless a proper name); the other forms default to it."""

    vi: str
    en: str
    en_plural: str = ""
    short_vi: str = ""
    short_en: str = ""
    long_vi: str = ""
    long_en: str = ""
    aliases: tuple[str, ...] = ()

    def pair(self, form: str = "name") -> tuple[str, str]:
        if form == "short":
            return (self.short_vi or self.vi, self.short_en or self.en)
        if form == "long":
            return (self.long_vi or self.vi, self.long_en or self.en)
        if form == "plural":
            return (self.vi, self.en_plural or f"{self.en}s")
        return (self.vi, self.en)


@dataclass(frozen=True)
class Group:
    """The codes of one kind, in their usual order, with their words."""

    field_vi: str
    field_en: str
    terms: dict[str, Term] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.terms)

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self.terms

    def field(self) -> str:
        return text((self.field_vi, self.field_en))

    def pair(self, code: object, form: str = "name") -> tuple[str, str]:
        term = self.terms.get(str(code))
        return term.pair(form) if term else (str(code), str(code))

    def label(self, code: object, capital: bool = False, form: str = "name") -> str:
        """The code's words in the current language ("party" -> "tổ chức đảng");
        an unknown code as it is, None as ""."""
        if code is None:
            return ""
        return text(self.pair(code, form), capital)

    @cached_property
    def _lookup(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for code, term in self.terms.items():
            words = (code, term.vi, term.en, term.en_plural, term.short_vi, term.short_en)
            for word in (*words, term.long_vi, term.long_en, *term.aliases):
                if word:
                    table.setdefault(key(word), code)
        return table

    def parse(self, value: object) -> str | None:
        """The code a person meant: the code itself or any of its words, in
        either language, with or without diacritics, in any case."""
        if value is None:
            return None
        return self._lookup.get(key(str(value)))


def key(word: str) -> str:
    """The form words are compared in: folded, all but ASCII letters and digits as spaces."""
    folded = fold(word)
    return " ".join("".join(c if c.isascii() and c.isalnum() else " " for c in folded).split())


def text(pair: tuple[str, str], capital: bool = False) -> str:
    chosen = nfc(pair[1] if lang() == "en" else pair[0])
    return chosen[:1].upper() + chosen[1:] if capital else chosen


ORG_TYPE = Group(
    "Loại tổ chức",
    "Organisation type",
    {
        "party": Term(
            "tổ chức đảng",
            "party organisation",
            short_vi="Đảng",
            short_en="Party",
            aliases=("đảng", "chi bộ", "đảng bộ", "đảng bộ cơ sở", "tổ chức cơ sở đảng"),
        ),
        "union": Term(
            "công đoàn cơ sở",
            "trade union",
            short_vi="Công đoàn",
            short_en="Union",
            aliases=("công đoàn", "CĐCS", "CĐ"),
        ),
        "youth": Term(
            "tổ chức đoàn",
            "youth union",
            short_vi="Đoàn TN",
            short_en="Youth",
            aliases=(
                "đoàn thanh niên",
                "chi đoàn",
                "đoàn cơ sở",
                "đoàn",
                "Đoàn TNCS",
                "thanh niên",
            ),
        ),
        "women": Term(
            "chi hội phụ nữ",
            "women's union",
            short_vi="Phụ nữ",
            short_en="Women",
            aliases=("hội phụ nữ", "phụ nữ", "Hội LHPN", "women's chapter"),
        ),
        "veterans": Term(
            "chi hội cựu chiến binh",
            "veterans' association",
            short_vi="CCB",
            short_en="Veterans",
            aliases=("hội cựu chiến binh", "cựu chiến binh", "Hội CCB", "veterans' chapter"),
        ),
    },
)
ORG_TYPES = ORG_TYPE.codes

# What an organisation of each type is called when founded without a name.
DEFAULT_ORG_NAME = {
    "party": "Chi bộ",
    "union": "Công đoàn cơ sở",
    "youth": "Chi đoàn",
    "women": "Chi hội Phụ nữ",
    "veterans": "Chi hội Cựu chiến binh",
}

MEMBER_TYPE = Group(
    "Loại thành viên",
    "Membership type",
    {
        "party": Term("đảng viên", "party member", aliases=("đảng", "ĐV")),
        "union": Term(
            "đoàn viên công đoàn", "union member", aliases=("công đoàn", "đoàn viên CĐ", "CĐ")
        ),
        "youth": Term(
            "đoàn viên thanh niên",
            "youth union member",
            aliases=("đoàn thanh niên", "đoàn", "thanh niên", "đoàn viên"),
        ),
        "women": Term(
            "hội viên phụ nữ", "women's union member", aliases=("phụ nữ", "hội phụ nữ", "Hội LHPN")
        ),
        "veterans": Term(
            "hội viên cựu chiến binh",
            "veteran",
            aliases=("cựu chiến binh", "CCB", "Hội CCB"),
        ),
    },
)

# What eligibility counts for each type (the count rule's noun).
COUNTED = Group(
    "Điều kiện về số lượng",
    "What is counted",
    {
        "party": Term(
            "đảng viên chính thức làm việc ổn định",
            "official party member on stable terms",
            en_plural="official party members on stable terms",
        ),
        "union": Term("lao động ổn định", "stable worker"),
        "youth": Term("đoàn viên thanh niên", "youth-union member"),
        "women": Term("hội viên phụ nữ", "women's-union member"),
        "veterans": Term("hội viên cựu chiến binh", "veteran"),
    },
)

SECTOR = Group(
    "Loại hình",
    "Sector",
    {
        "tu_nhan": Term(
            "tư nhân",
            "private",
            long_vi="Doanh nghiệp tư nhân trong nước",
            long_en="Domestic private",
            aliases=("tư nhân trong nước", "doanh nghiệp tư nhân", "DNTN", "domestic private"),
        ),
        "fdi": Term(
            "FDI",
            "FDI",
            long_vi="Doanh nghiệp có vốn đầu tư nước ngoài",
            long_en="Foreign-invested",
            aliases=("có vốn đầu tư nước ngoài", "vốn đầu tư nước ngoài", "doanh nghiệp FDI"),
        ),
        "htx": Term(
            "hợp tác xã",
            "cooperative",
            long_vi="Hợp tác xã",
            long_en="Cooperative",
            aliases=("HTX",),
        ),
        "nha_nuoc_thieu_so": Term(
            "vốn nhà nước ≤ 50 %",
            "state share ≤ 50%",
            long_vi="Doanh nghiệp vốn nhà nước ≤ 50 %",
            long_en="State capital ≤ 50 %",
            aliases=("nhà nước thiểu số", "vốn nhà nước dưới 50 %", "state capital ≤ 50 %"),
        ),
        "ngoai_cong_lap": Term(
            "ngoài công lập",
            "non-public",
            long_vi="Đơn vị sự nghiệp ngoài công lập",
            long_en="Non-public service unit",
            aliases=("đơn vị ngoài công lập", "non-public service unit"),
        ),
    },
)
SECTORS = SECTOR.codes

STATUS = Group(
    "Trạng thái",
    "Status",
    {
        "active": Term("đang hoạt động", "active", short_vi="hoạt động", aliases=("hoạt động",)),
        "suspended": Term(
            "tạm ngừng",
            "suspended",
            aliases=("tạm ngừng hoạt động", "tạm ngừng kinh doanh", "tạm dừng"),
        ),
        "dissolved": Term("giải thể", "dissolved", aliases=("đã giải thể",)),
    },
)
STATUSES = STATUS.codes

PARTY_STATUS = Group(
    "Đảng tịch",
    "Party status",
    {
        "probationary": Term("dự bị", "probationary", aliases=("đảng viên dự bị", "DB")),
        "official": Term("chính thức", "official", aliases=("đảng viên chính thức", "CT")),
    },
)
PARTY_STATUSES = PARTY_STATUS.codes

# A party organisation with this many members or more is a đảng bộ cơ sở.
PARTY_COMMITTEE_MIN_MEMBERS = 30
LEVEL = Group(
    "Cấp tổ chức đảng",
    "Party organisation level",
    {
        "chi_bo": Term("chi bộ", "party cell"),
        "dang_bo_co_so": Term("đảng bộ cơ sở", "grassroots party committee"),
    },
)

ROLE = Group(
    "Vai trò",
    "Role",
    {
        "owner": Term("chủ doanh nghiệp", "owner", aliases=("chủ", "chủ DN", "chủ sở hữu")),
        "manager": Term("quản lý", "manager", aliases=("cán bộ quản lý", "quản lý doanh nghiệp")),
        "worker": Term(
            "người lao động",
            "worker",
            aliases=("công nhân", "nhân viên", "lao động", "NLĐ"),
        ),
    },
)
ROLES = ROLE.codes

GENDER = Group(
    "Giới tính",
    "Gender",
    {
        "nam": Term("nam", "male", aliases=("M",)),
        "nu": Term("nữ", "female", aliases=("F",)),
    },
)
GENDERS = GENDER.codes

STAGE = Group(
    "Giai đoạn",
    "Stage",
    {
        "identified": Term("xác định", "identified"),
        "trained": Term("học lớp nhận thức về Đảng", "trained"),
        "introduced": Term("được giới thiệu", "introduced"),
        "admitted": Term("kết nạp", "admitted"),
        "dropped": Term("dừng", "dropped"),
    },
)
STAGES = STAGE.codes

# Rating grades: the words of every grade code; a type may word one its own way.
GRADE = Group(
    "Xếp loại",
    "Grade",
    {
        "xuat_sac": Term("xuất sắc", "excellent"),
        "tot": Term("tốt", "good"),
        "kha": Term("khá", "fair"),
        "trung_binh": Term("trung bình", "average"),
        "hoan_thanh": Term("hoàn thành nhiệm vụ", "completed its tasks"),
        "khong_hoan_thanh": Term("không hoàn thành nhiệm vụ", "did not complete its tasks"),
        "yeu": Term("yếu", "weak"),
        "vung_manh": Term("vững mạnh", "strong"),
        "vung_manh_xuat_sac": Term("vững mạnh xuất sắc", "strong, excellent"),
        "trong_sach_vung_manh": Term("trong sạch, vững mạnh", "clean and strong"),
        "trong_sach_vung_manh_xuat_sac": Term(
            "trong sạch, vững mạnh xuất sắc", "clean and strong, excellent"
        ),
    },
)
TYPE_GRADE = {
    "party": Group(
        "Xếp loại tổ chức đảng",
        "Party organisation grade",
        {
            "xuat_sac": Term("hoàn thành xuất sắc nhiệm vụ", "completed its tasks excellently"),
            "tot": Term("hoàn thành tốt nhiệm vụ", "completed its tasks well"),
        },
    ),
}
# The default scale of each type, best first (the rules may replace it).
GRADE_SCALES: dict[str, tuple[str, ...]] = {
    "party": ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"),
    "union": ("vung_manh_xuat_sac", "vung_manh", "hoan_thanh", "yeu"),
    "youth": ("xuat_sac", "kha", "trung_binh", "yeu"),
    "women": ("xuat_sac", "kha", "trung_binh", "yeu"),
    "veterans": (
        "trong_sach_vung_manh_xuat_sac",
        "trong_sach_vung_manh",
        "kha",
        "trung_binh",
        "yeu",
    ),
}


def grade_pair(code: str, org_type: str | None = None) -> tuple[str, str] | None:
    """The (Vietnamese, English) words for a grade of a type, if known."""
    own = TYPE_GRADE.get(org_type or "")
    if own is not None and code in own:
        return own.pair(code)
    return GRADE.pair(code) if code in GRADE else None


def grade_label(code: str, org_type: str | None = None, capital: bool = False) -> str:
    """A grade as a person reads it ("xuat_sac" -> "xuất sắc"; for the party
    "hoàn thành xuất sắc nhiệm vụ")."""
    pair = grade_pair(code, org_type)
    return text(pair, capital) if pair else code


PURPOSE = Group(
    "Mục đích",
    "Purpose",
    {
        "survey": Term("khảo sát", "survey"),
        "advocacy": Term("tuyên truyền, vận động", "advocacy"),
        "founding": Term("chuẩn bị thành lập tổ chức", "preparing a founding"),
        "other": Term("khác", "other"),
    },
)
FOLLOW_UP = Group(
    "Bước tiếp theo",
    "Follow-up",
    {
        "open": Term("chưa đến hạn", "open"),
        "overdue": Term("quá hạn", "overdue"),
        "closed": Term("đã gặp lại", "closed"),
    },
)
ACTIVITY_KIND = Group(
    "Loại hoạt động",
    "Activity kind",
    {
        "study": Term("học tập, quán triệt", "study session"),
        "congress": Term("đại hội", "congress"),
        "other": Term("khác", "other"),
    },
)
AWARD_TARGET = Group(
    "Đối tượng khen thưởng",
    "Award target",
    {
        "org": Term("tổ chức", "organisation"),
        "enterprise": Term("doanh nghiệp", "enterprise"),
        "person": Term("cá nhân", "person"),
    },
)
CADRE_KIND = Group(
    "Loại cán bộ",
    "Cadre kind",
    {
        "full_time": Term("chuyên trách", "full-time"),
        "part_time": Term("kiêm nhiệm", "part-time"),
    },
)

# The audit log: what was done, to which kind of record.
ACTION = Group(
    "Thao tác",
    "Action",
    {
        "add": Term("thêm", "add"),
        "update": Term("cập nhật", "update"),
        "close": Term("đóng", "close"),
        "reopen": Term("mở lại", "reopen"),
        "dissolve": Term("giải thể", "dissolve"),
        "promote": Term("chuyển chính thức", "promote"),
        "leave": Term("rời", "leave"),
        "advance": Term("chuyển giai đoạn", "advance"),
        "move": Term("chuyển nơi làm việc", "move"),
        "erase": Term("xóa", "erase"),
        "set": Term("đặt", "set"),
        "restore": Term("khôi phục", "restore"),
    },
)
ENTITY = Group(
    "Bản ghi",
    "Record",
    {
        "enterprise": Term("doanh nghiệp", "enterprise"),
        "organization": Term("tổ chức", "organisation"),
        "membership": Term("thành viên", "membership"),
        "person": Term("người", "person"),
        "candidate": Term("quần chúng", "candidate"),
        "profile": Term("hồ sơ", "profile"),
        "rule": Term("quy tắc", "rule"),
        "plan": Term("kế hoạch", "plan"),
    },
)

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
