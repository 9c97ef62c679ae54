"""The words of organisations and their members: the five organisation types
(with the default name of a new one), member kinds, what eligibility counts,
party status and level, candidate stages, and rating grades with each type's
default scale."""

from __future__ import annotations

from dangdn_cli.vocabulary.terms import Group, Term, text

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
