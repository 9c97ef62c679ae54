"""The columns of the import and export sheets: which headers are recognised,
how a cell becomes a value, and how a value is written back.

Headers are matched on a folded key (no diacritics, lower case, punctuation
as spaces), so ``Mã số thuế``, ``MA SO THUE``, ``ma_so_thue`` and ``MST`` all
find the tax code. Values are parsed with the registry's own validators, so a
sheet is held to the same rules as ``dangdn enterprise add``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Any

from dangdn_cli import errors, validate
from dangdn_cli.i18n import clean_text, fold, tr

# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV
# injection"); the quote is included so that neutralising can be undone.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


class NotAnInteger(errors.ValidationError):
    vi = "{field} phải là số nguyên không âm: {value}."
    en = "{field} must be a whole number: {value}."


class InvalidYesNo(errors.ValidationError):
    vi = "{field} phải là có hoặc không: {value}."
    en = "{field} must be yes or no: {value}."


class InvalidLabel(errors.ValidationError):
    vi = "{field} không hợp lệ: {value} (dùng một trong: {choices})."
    en = "Invalid {field}: {value} (use one of: {choices})."


class MaskedIdNumber(errors.ValidationError):
    vi = (
        "Số CCCD đã bị che: {value} (bảng xuất không có --reveal không nhập lại được số "
        "CCCD; hãy xuất lại với --reveal hoặc để trống cột này)."
    )

    en = (
        "The citizen ID is masked: {value} (an export without --reveal cannot bring citizen "
        "IDs back; export again with --reveal or leave the column empty)."
    )


def header_key(text: Any) -> str:
    """The matching key of a header or label: "Xã/Phường" -> "xa phuong"."""
    folded = fold(str(text)) if text is not None else ""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", folded).split())


def neutralise(text: str) -> str:
    """Make a text cell inert in a spreadsheet: "=1+1" -> "'=1+1"."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def unneutralise(text: str) -> str:
    """Undo ``neutralise``: strip the one quote it added, nothing else."""
    if len(text) > 1 and text[0] == "'" and text[1] in FORMULA_TRIGGERS:
        return text[1:]
    return text


# ---------------------------------------------------------------------------
# Value labels: a code, its Vietnamese and English labels, other accepted words.


@dataclass(frozen=True)
class Labels:
    """Codes with their labels; ``parse`` accepts a code, a label or an alias."""

    field_vi: str
    field_en: str
    labels: dict[str, tuple[str, str]]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def lookup(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for code, (vi, en) in self.labels.items():
            for word in (code, vi, en, *self.aliases.get(code, ())):
                table[header_key(word)] = code
        return table

    def label(self, code: str | None) -> str | None:
        if code is None:
            return None
        pair = self.labels.get(code)
        return tr(*pair) if pair else code


SECTOR = Labels(
    "Loại hình",
    "Sector",
    {
        "tu_nhan": ("Tư nhân", "Domestic private"),
        "fdi": ("FDI", "Foreign-invested"),
        "htx": ("Hợp tác xã", "Cooperative"),
        "nha_nuoc_thieu_so": ("Vốn nhà nước ≤ 50 %", "State capital ≤ 50 %"),
        "ngoai_cong_lap": ("Ngoài công lập", "Non-public service unit"),
    },
    {
        "tu_nhan": ("Tư nhân trong nước", "Doanh nghiệp tư nhân", "DNTN", "private"),
        "fdi": ("Có vốn đầu tư nước ngoài", "Vốn đầu tư nước ngoài", "Doanh nghiệp FDI"),
        "htx": ("HTX", "cooperative"),
        "nha_nuoc_thieu_so": ("Nhà nước thiểu số", "Vốn nhà nước dưới 50 %"),
        "ngoai_cong_lap": ("Đơn vị ngoài công lập",),
    },
)
STATUS = Labels(
    "Trạng thái",
    "Status",
    {
        "active": ("Đang hoạt động", "Active"),
        "suspended": ("Tạm ngừng", "Suspended"),
        "dissolved": ("Giải thể", "Dissolved"),
    },
    {
        "active": ("Hoạt động",),
        "suspended": ("Tạm ngừng hoạt động", "Tạm ngừng kinh doanh", "Tạm dừng"),
        "dissolved": ("Đã giải thể",),
    },
)
MEMBER_TYPE = Labels(
    "Loại thành viên",
    "Membership type",
    {
        "party": ("Đảng viên", "Party member"),
        "union": ("Đoàn viên công đoàn", "Union member"),
        "youth": ("Đoàn viên thanh niên", "Youth union member"),
        "women": ("Hội viên phụ nữ", "Women's union member"),
        "veterans": ("Hội viên cựu chiến binh", "Veteran"),
    },
    {
        "party": ("Đảng", "ĐV"),
        "union": ("Công đoàn", "Đoàn viên CĐ", "CĐ", "union"),
        "youth": ("Đoàn thanh niên", "Đoàn", "Thanh niên", "Đoàn viên", "youth"),
        "women": ("Phụ nữ", "Hội phụ nữ", "Hội LHPN", "women"),
        "veterans": ("Cựu chiến binh", "CCB", "Hội CCB", "veterans"),
    },
)
ORG_TYPE = Labels(
    "Loại tổ chức",
    "Organisation type",
    {
        "party": ("Tổ chức đảng", "Party organisation"),
        "union": ("Công đoàn cơ sở", "Trade union"),
        "youth": ("Đoàn thanh niên", "Youth union"),
        "women": ("Chi hội phụ nữ", "Women's chapter"),
        "veterans": ("Chi hội cựu chiến binh", "Veterans' chapter"),
    },
    {
        "party": ("Đảng", "Chi bộ", "Đảng bộ", "Đảng bộ cơ sở", "Tổ chức cơ sở đảng", "party"),
        "union": ("Công đoàn", "CĐCS", "union"),
        "youth": ("Chi đoàn", "Đoàn cơ sở", "Đoàn", "Đoàn TNCS", "youth"),
        "women": ("Hội phụ nữ", "Phụ nữ", "women"),
        "veterans": ("Cựu chiến binh", "CCB", "Hội cựu chiến binh", "veterans"),
    },
)
GENDER = Labels(
    "Giới tính",
    "Gender",
    {"nam": ("Nam", "Male"), "nu": ("Nữ", "Female")},
    {"nam": ("M",), "nu": ("F",)},
)
PARTY_STATUS = Labels(
    "Đảng tịch",
    "Party status",
    {"official": ("Chính thức", "Official"), "probationary": ("Dự bị", "Probationary")},
    {
        "official": ("Đảng viên chính thức", "CT"),
        "probationary": ("Đảng viên dự bị", "DB"),
    },
)
ROLE = Labels(
    "Vai trò",
    "Role",
    {
        "owner": ("Chủ doanh nghiệp", "Owner"),
        "manager": ("Quản lý", "Manager"),
        "worker": ("Người lao động", "Worker"),
    },
    {
        "owner": ("Chủ", "Chủ DN", "Chủ sở hữu"),
        "manager": ("Cán bộ quản lý", "Quản lý doanh nghiệp"),
        "worker": ("Công nhân", "Nhân viên", "Lao động", "NLĐ"),
    },
)
YES = {header_key(w) for w in ("có", "x", "yes", "y", "true", "1", "đúng", "ok")}
NO = {header_key(w) for w in ("không", "k", "no", "n", "false", "0", "sai")}


# ---------------------------------------------------------------------------
# Columns


@dataclass(frozen=True)
class Column:
    """One recognised column of a sheet.

    ``kind`` says how a cell is read: text, tax_code, tax_codes (a list),
    id_number, date, count, int, yes_no, label (with ``labels``), or info
    (recognised and ignored on import).
    """

    key: str
    vi: str
    en: str
    kind: str = "text"
    aliases: tuple[str, ...] = ()
    required: bool = False
    labels: Labels | None = None
    width: int = 16

    def header(self) -> str:
        return tr(self.vi, self.en)

    def names(self) -> list[str]:
        return list(dict.fromkeys((self.vi, self.en, self.key, *self.aliases)))


IGNORED = Column(
    "_ignored",
    "(bỏ qua)",
    "(ignored)",
    "info",
    (
        "STT",
        "Số TT",
        "TT",
        "No",
        "Ghi chú",
        "Note",
        "Notes",
        "Lý do lỗi",
        "Reason",
        "Dòng gốc",
        "Source row",
    ),
)

ENTERPRISE = (
    Column(
        "tax_code",
        "Mã số thuế",
        "Tax code",
        "tax_code",
        (
            "MST",
            "Mã số doanh nghiệp",
            "MSDN",
            "Mã số DN",
            "Mã DN",
            "Mã số thuế doanh nghiệp",
            "Mã số thuế DN",
            "MST doanh nghiệp",
            "tax id",
        ),
        required=True,
        width=16,
    ),
    Column(
        "name",
        "Tên doanh nghiệp",
        "Name",
        aliases=(
            "Tên DN",
            "Tên đơn vị",
            "Tên công ty",
            "Tên",
            "Doanh nghiệp",
            "Đơn vị",
            "enterprise name",
            "company name",
            "company",
        ),
        width=40,
    ),
    Column(
        "sector",
        "Loại hình",
        "Sector",
        "label",
        ("Loại hình doanh nghiệp", "Loại hình DN", "Loại hình kinh tế", "Thành phần kinh tế"),
        labels=SECTOR,
    ),
    Column(
        "address",
        "Địa chỉ",
        "Address",
        aliases=("Địa chỉ trụ sở", "Địa chỉ trụ sở chính", "Trụ sở", "Trụ sở chính"),
        width=36,
    ),
    Column(
        "commune",
        "Xã/Phường",
        "Commune",
        aliases=(
            "Xã",
            "Phường",
            "Phường/Xã",
            "Xã/Phường/Thị trấn",
            "Xã, phường",
            "Đơn vị hành chính cấp xã",
            "ward",
            "commune/ward",
        ),
        width=20,
    ),
    Column(
        "district",
        "Huyện",
        "District",
        aliases=("Quận/Huyện", "Quận", "Huyện/Thị xã/Thành phố", "Huyện/Thị xã"),
        width=18,
    ),
    Column(
        "province",
        "Tỉnh",
        "Province",
        aliases=("Tỉnh/Thành phố", "Tỉnh/TP", "Tỉnh thành", "Tỉnh, thành phố", "city"),
        width=18,
    ),
    Column(
        "zone",
        "KCN",
        "Industrial zone",
        aliases=(
            "Khu công nghiệp",
            "KCN/CCN",
            "Khu/cụm công nghiệp",
            "Cụm công nghiệp",
            "zone",
            "industrial park",
        ),
        width=20,
    ),
    Column(
        "founded_on",
        "Ngày thành lập",
        "Founded",
        "date",
        (
            "Ngày đăng ký",
            "Ngày cấp phép",
            "Ngày cấp giấy phép",
            "Ngày đăng ký lần đầu",
            "Ngày cấp GCN ĐKDN",
            "founded on",
            "founding date",
            "date founded",
        ),
        width=14,
    ),
    Column(
        "owner_name",
        "Chủ doanh nghiệp",
        "Owner",
        aliases=(
            "Chủ DN",
            "Người đại diện",
            "Người đại diện theo pháp luật",
            "Người đại diện pháp luật",
            "owner name",
            "legal representative",
        ),
        width=24,
    ),
    Column(
        "status",
        "Trạng thái",
        "Status",
        "label",
        ("Tình trạng", "Tình trạng hoạt động", "Trạng thái hoạt động"),
        labels=STATUS,
    ),
    Column(
        "stable_operation",
        "SXKD ổn định",
        "Stable operation",
        "yes_no",
        ("Sản xuất kinh doanh ổn định", "Hoạt động ổn định", "SXKD ổn định"),
        width=14,
    ),
    Column(
        "law_compliant",
        "Chấp hành pháp luật",
        "Law-compliant",
        "yes_no",
        ("Chấp hành tốt pháp luật", "Tuân thủ pháp luật", "law compliant"),
        width=14,
    ),
    Column(
        "workers",
        "Số lao động",
        "Workers",
        "count",
        (
            "Tổng số lao động",
            "Tổng lao động",
            "Lao động",
            "Số LĐ",
            "Tổng số LĐ",
            "LĐ",
            "total workers",
            "employees",
            "headcount",
        ),
        width=12,
    ),
    Column(
        "stable_workers",
        "Lao động ổn định",
        "Stable workers",
        "count",
        (
            "Số lao động ổn định",
            "LĐ ổn định",
            "Số LĐ ổn định",
            "Lao động có HĐLĐ từ 12 tháng",
            "Lao động có hợp đồng từ 12 tháng trở lên",
        ),
        width=12,
    ),
    Column(
        "female_workers",
        "Lao động nữ",
        "Female workers",
        "count",
        ("Số lao động nữ", "LĐ nữ", "Số LĐ nữ", "Nữ"),
        width=12,
    ),
    Column(
        "young_workers",
        "Lao động trẻ",
        "Young workers",
        "count",
        (
            "Số lao động trẻ",
            "LĐ trẻ",
            "Lao động dưới 30 tuổi",
            "Lao động từ 30 tuổi trở xuống",
            "Lao động đến 30 tuổi",
        ),
        width=12,
    ),
)

MEMBER = (
    Column(
        "name",
        "Họ và tên",
        "Full name",
        aliases=("Họ tên", "Tên", "full_name", "name"),
        required=True,
        width=26,
    ),
    Column(
        "birth_date",
        "Ngày sinh",
        "Birth date",
        "date",
        ("Ngày tháng năm sinh", "Ngày, tháng, năm sinh", "Sinh ngày", "birth", "date of birth"),
        width=12,
    ),
    Column("gender", "Giới tính", "Gender", "label", ("sex",), labels=GENDER, width=10),
    Column(
        "id_number",
        "Số CCCD",
        "Citizen ID",
        "id_number",
        (
            "CCCD",
            "Căn cước công dân",
            "Số căn cước công dân",
            "Số căn cước",
            "Căn cước",
            "Số định danh",
            "Số định danh cá nhân",
            "id number",
        ),
        width=16,
    ),
    Column(
        "type",
        "Loại thành viên",
        "Membership type",
        "label",
        ("Loại", "Đối tượng", "type", "member type"),
        labels=MEMBER_TYPE,
        width=22,
    ),
    Column(
        "enterprise",
        "Mã số thuế",
        "Enterprise tax code",
        "tax_code",
        (
            "MST",
            "Mã số thuế doanh nghiệp",
            "Mã số thuế DN",
            "MST doanh nghiệp",
            "MST nơi làm việc",
            "Mã số thuế nơi làm việc",
            "Mã số doanh nghiệp",
            "tax code",
            "employer",
        ),
        required=True,
        width=16,
    ),
    Column(
        "joined_on",
        "Ngày vào",
        "Joined",
        "date",
        (
            "Ngày vào Đảng",
            "Ngày kết nạp",
            "Ngày kết nạp Đảng",
            "Ngày kết nạp đảng viên",
            "Ngày vào Đoàn",
            "Ngày vào Công đoàn",
            "Ngày vào Hội",
            "Ngày gia nhập",
            "joined on",
            "admitted on",
        ),
        width=12,
    ),
    Column(
        "status",
        "Đảng tịch",
        "Party status",
        "label",
        ("Trạng thái", "Trạng thái đảng viên", "Chính thức/dự bị", "status"),
        labels=PARTY_STATUS,
        width=12,
    ),
    Column(
        "official_on",
        "Ngày chính thức",
        "Official on",
        "date",
        (
            "Ngày công nhận chính thức",
            "Ngày công nhận đảng viên chính thức",
            "Ngày chuyển chính thức",
            "Ngày chuyển đảng chính thức",
        ),
        width=12,
    ),
    Column(
        "org_id",
        "Mã tổ chức",
        "Organisation id",
        "int",
        ("org", "org id", "organization id", "organization_id"),
        width=10,
    ),
    Column("org_name", "Tên tổ chức", "Organisation", "info", ("organization",), width=30),
    Column(
        "residence",
        "Sinh hoạt nơi cư trú",
        "Residence-registered",
        "yes_no",
        ("Nơi cư trú", "Sinh hoạt tại nơi cư trú", "residence"),
        width=12,
    ),
    Column("role", "Vai trò", "Role", "label", (), labels=ROLE, width=16),
    Column(
        "stable",
        "Việc làm ổn định",
        "Stable employment",
        "yes_no",
        ("HĐLĐ từ 12 tháng", "Lao động ổn định", "Ổn định", "stable"),
        width=12,
    ),
    Column(
        "employed_from",
        "Ngày vào làm",
        "Employed from",
        "date",
        (
            "Làm việc từ ngày",
            "Ngày bắt đầu làm việc",
            "Ngày vào làm việc",
            "Ngày làm việc",
            "employed from",
        ),
        width=12,
    ),
)

ORG = (
    Column("id", "Mã tổ chức", "Organisation id", "int", ("Mã", "org id", "id"), width=10),
    Column(
        "type",
        "Loại tổ chức",
        "Type",
        "label",
        ("Loại", "org type", "type"),
        required=True,
        labels=ORG_TYPE,
        width=22,
    ),
    Column(
        "name",
        "Tên tổ chức",
        "Name",
        aliases=("Tên", "Tên chi bộ", "Tên công đoàn", "Tên tổ chức đảng"),
        width=36,
    ),
    Column(
        "enterprises",
        "Mã số thuế",
        "Tax codes",
        "tax_codes",
        (
            "MST",
            "Mã số thuế doanh nghiệp",
            "Mã số thuế các doanh nghiệp",
            "MST doanh nghiệp",
            "Các doanh nghiệp",
            "Doanh nghiệp",
            "enterprises",
            "enterprise",
            "tax code",
        ),
        required=True,
        width=30,
    ),
    Column(
        "founded_on",
        "Ngày thành lập",
        "Founded",
        "date",
        ("Ngày thành lập tổ chức", "founded on"),
        required=True,
        width=14,
    ),
    Column(
        "decision",
        "Quyết định thành lập",
        "Founding decision",
        aliases=("Số quyết định", "Số quyết định thành lập", "QĐ thành lập", "Số QĐ", "decision"),
        width=20,
    ),
    Column(
        "superior",
        "Cấp trên",
        "Superior",
        aliases=("Cấp ủy cấp trên", "Trực thuộc", "Đơn vị cấp trên", "Cấp trên trực tiếp"),
        width=28,
    ),
    Column(
        "leader",
        "Người đứng đầu",
        "Leader",
        aliases=("Bí thư", "Chủ tịch", "Bí thư/Chủ tịch", "Bí thư/Chủ tịch/Chi hội trưởng"),
        width=24,
    ),
    Column(
        "dissolved_on",
        "Ngày giải thể",
        "Dissolved",
        "date",
        ("dissolved on",),
        width=14,
    ),
    Column(
        "dissolution_decision",
        "Quyết định giải thể",
        "Dissolution decision",
        aliases=("QĐ giải thể", "Số quyết định giải thể"),
        width=20,
    ),
)

SPECS: dict[str, tuple[Column, ...]] = {
    "enterprises": ENTERPRISE,
    "members": MEMBER,
    "orgs": ORG,
}
KINDS = tuple(SPECS)

# Headers that also tell the membership type when the sheet has no type column.
PARTY_HEADERS = {
    header_key(h) for h in ("Ngày vào Đảng", "Ngày kết nạp Đảng", "Ngày kết nạp đảng viên")
}


def sheet_kind(value: str) -> str:
    return validate.choice(value, KINDS, tr("loại bảng", "sheet type")) or ""


@cache
def _index(kind: str) -> dict[str, Column]:
    table: dict[str, Column] = {}
    for column in (*SPECS[kind], IGNORED):
        for name in column.names():
            table.setdefault(header_key(name), column)
    return table


def match_header(kind: str, header: Any) -> Column | None:
    """The column a header names, or None: exact folded key, then the text
    without a bracketed note ("Mã số thuế (MST)"), then the note alone."""
    table = _index(kind)
    text = "" if header is None else str(header)
    candidates = [text]
    if "(" in text:
        candidates.append(re.sub(r"\(.*?\)", " ", text))
        candidates.extend(re.findall(r"\((.*?)\)", text))
    for candidate in candidates:
        key = header_key(candidate)
        if key and key in table:
            return table[key]
    return None


# ---------------------------------------------------------------------------
# Cell parsers: raw cell (str, number, date or None) -> value, or a DangdnError.

_THOUSANDS = re.compile(r"^\d{1,3}([., \u00a0]\d{3})+$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[.-](\d{1,2})[.-](\d{4})$")
_EXCEL_EPOCH = date(1899, 12, 30)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _digits(value: Any, width: int) -> str:
    """A code Excel stored as a number, with its leading zeros back."""
    number = float(value)
    if number != int(number):
        return str(value)
    return str(int(number)).zfill(width)


def _clean(text: str) -> str | None:
    """``i18n.clean_text`` with a fast path for text that is already clean."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if text.isprintable() and "  " not in text and text == text.strip():
        return text or None
    return " ".join(text.split()) or None


def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00)):
        char = chr(code)
        folded = fold(char)
        if folded != char.lower():
            table[code] = folded
    return table


_FOLD = _fold_table()


def fast_fold(text: str) -> str:
    """``i18n.fold`` (the search key), by table for Latin and Vietnamese letters."""
    folded = text.translate(_FOLD).lower()
    if not folded.isascii():
        return fold(text)  # other scripts: the general rule
    return " ".join(folded.split())


def cell_text(value: Any) -> str | None:
    """Any cell as clean text (NFC, trimmed), formula neutralisation undone."""
    if value is None:
        return None
    if isinstance(value, str):
        return _clean(unneutralise(value))
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return clean_text(str(value))


_MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def _plain_tax_code(text: str) -> bool:
    """A 10-digit code that stdnum.vn.mst accepts (checked here: it is hot)."""
    if len(text) != 10 or not (text.isascii() and text.isdigit()) or text[2:9] == "0000000":
        return False
    total = sum(w * int(d) for w, d in zip(_MST_WEIGHTS, text, strict=False))
    return text[9] == str(10 - total % 11)


def parse_tax_code(value: Any) -> str | None:
    if isinstance(value, str) and _plain_tax_code(value):
        return value
    if _is_number(value):
        text = _digits(value, 10)
        if len(text) > 10:  # a branch code typed without its dash
            text = text.zfill(13)
    else:
        text = cell_text(value) or ""
        text = text.replace(" ", "").replace(".", "")
        if text.isdigit() and len(text) in (9, 12):
            # A CSV saved by Excel after it read the code as a number.
            text = text.zfill(len(text) + 1)
    if not text:
        return None
    return validate.tax_code(text)


def parse_tax_codes(value: Any) -> list[str] | None:
    if _is_number(value):
        code = parse_tax_code(value)
        return [code] if code else None
    text = cell_text(value)
    if not text:
        return None
    codes = [validate.tax_code(p) for p in re.split(r"[,;\s]+", text) if p]
    return sorted(dict.fromkeys(codes)) or None


def parse_id_number(value: Any) -> str | None:
    text = _digits(value, 12) if _is_number(value) else (cell_text(value) or "")
    if "*" in text:
        raise MaskedIdNumber(value=text)
    text = text.replace(".", "").replace(" ", "")
    if text.isdigit() and len(text) in (10, 11):
        text = text.zfill(12)  # every CCCD starts with 0; Excel drops it
    return validate.id_number(text) if text else None


def parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return validate.parse_date(value)
    if _is_number(value):
        # An Excel serial day number in a cell without a date format.
        if 1 <= value < 2958466:
            return _EXCEL_EPOCH + timedelta(days=int(value))
        raise errors.InvalidDate(value=str(value))
    text = cell_text(value)
    if not text:
        return None
    if len(text) > 10 and text[4] == "-" and text[10] in " T":
        text = text[:10]  # "2024-05-25 00:00:00" from a spreadsheet's CSV
    elif match := _DAY_FIRST.match(text):
        text = "/".join(match.groups())
    return validate.parse_date(text)


def parse_int(value: Any, field: str) -> int | None:
    if _is_number(value):
        if float(value) != int(value):
            raise NotAnInteger(field=field, value=value)
        number = int(value)
    elif isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    else:
        text = cell_text(value)
        if not text:
            return None
        if _THOUSANDS.match(text):
            text = re.sub(r"\D", "", text)
        try:
            number = int(text)
        except ValueError:
            raise NotAnInteger(field=field, value=text) from None
    if number < 0:
        raise NotAnInteger(field=field, value=number)
    return number


def parse_yes_no(value: Any, field: str) -> bool | None:
    if isinstance(value, bool):
        return value
    if _is_number(value) and value in (0, 1):
        return bool(value)
    text = cell_text(value)
    if not text:
        return None
    key = header_key(text)
    if key in YES:
        return True
    if key in NO:
        return False
    raise InvalidYesNo(field=field, value=text)


def parser(column: Column) -> Callable[[Any], Any]:
    """The function reading this column's cells."""
    label = column.header()
    if column.kind == "tax_code":
        return parse_tax_code
    if column.kind == "tax_codes":
        return parse_tax_codes
    if column.kind == "id_number":
        return parse_id_number
    if column.kind == "date":
        return parse_date
    if column.kind in ("count", "int"):
        return lambda value: parse_int(value, label)
    if column.kind == "yes_no":
        return lambda value: parse_yes_no(value, label)
    if column.kind == "label":
        assert column.labels is not None
        lookup = column.labels.lookup()
        codes = column.labels.labels

        @lru_cache(maxsize=4096)
        def label_code(text: str) -> str | None:
            return lookup.get(header_key(text))

        def parse_label(value: Any) -> str | None:
            text = cell_text(value)
            if not text:
                return None
            found = label_code(text)
            if found is None:
                choices = ", ".join(tr(*pair) for pair in codes.values())
                raise InvalidLabel(field=label, value=text, choices=choices)
            return found

        return parse_label
    return cell_text


# ---------------------------------------------------------------------------
# Writing values back (export, rejects).


def display(column: Column, value: Any) -> Any:
    """A value as written in an exported sheet (dates stay dates)."""
    if value is None:
        return None
    if column.kind == "yes_no":
        return tr("có", "yes") if value else tr("không", "no")
    if column.kind == "label" and column.labels is not None:
        return column.labels.label(value)
    if column.kind == "tax_codes" and isinstance(value, (list, tuple)):
        return "; ".join(value)
    return value


def describe_kind(column: Column) -> str:
    kinds = {
        "text": ("chữ", "text"),
        "tax_code": ("mã số thuế (giữ số 0 đầu)", "tax code (leading zeros kept)"),
        "tax_codes": (
            "một hay nhiều mã số thuế, cách nhau bởi ;",
            "one or more tax codes, ; apart",
        ),
        "id_number": ("12 chữ số (giữ số 0 đầu)", "12 digits (leading zeros kept)"),
        "date": ("ngày (ô ngày Excel, 2024-05-25, 25/05/2024)", "date (Excel, ISO, dd/mm/yyyy)"),
        "count": ("số nguyên không âm", "whole number ≥ 0"),
        "int": ("số nguyên", "whole number"),
        "yes_no": ("có/không", "yes/no"),
        "info": ("chỉ để xem, bỏ qua khi nhập", "for reading, ignored on import"),
    }
    if column.kind == "label" and column.labels is not None:
        return ", ".join(tr(*pair) for pair in column.labels.labels.values())
    return tr(*kinds.get(column.kind, ("chữ", "text")))


def describe(kind: str) -> list[dict[str, Any]]:
    """What ``import --show-columns`` lists for a sheet type."""
    rows = [
        {
            "field": column.key,
            "header": column.header(),
            "names": column.names(),
            "values": describe_kind(column),
            "required": column.required,
        }
        for column in SPECS[sheet_kind(kind)]
    ]
    rows.append(
        {
            "field": IGNORED.key,
            "header": IGNORED.header(),
            "names": list(IGNORED.aliases),
            "values": describe_kind(IGNORED),
            "required": False,
        }
    )
    return rows
