"""Names in words: organisation types, rating grades, the figures of SPEC §4,
and every field a report template may use (``report --list-fields``)."""

from __future__ import annotations

from dangdn_cli.i18n import tr

ORG_TYPES = ("party", "union", "youth", "women", "veterans")

# type -> (organisation vi, en, member noun vi, en)
ORG_NAMES: dict[str, tuple[str, str, str, str]] = {
    "party": ("tổ chức đảng", "party organisations", "đảng viên", "party members"),
    "union": ("công đoàn cơ sở", "trade unions", "đoàn viên công đoàn", "union members"),
    "youth": ("tổ chức đoàn", "youth unions", "đoàn viên thanh niên", "youth members"),
    "women": ("chi hội phụ nữ", "women's chapters", "hội viên phụ nữ", "women's union members"),
    "veterans": (
        "chi hội cựu chiến binh",
        "veterans' chapters",
        "hội viên cựu chiến binh",
        "veterans",
    ),
}

GRADE_NAMES: dict[str, tuple[str, str]] = {
    "xuat_sac": ("Xuất sắc", "Excellent"),
    "tot": ("Tốt", "Good"),
    "hoan_thanh": ("Hoàn thành nhiệm vụ", "Fulfilled"),
    "khong_hoan_thanh": ("Không hoàn thành nhiệm vụ", "Not fulfilled"),
    "vung_manh_xuat_sac": ("Vững mạnh xuất sắc", "Strong, excellent"),
    "vung_manh": ("Vững mạnh", "Strong"),
    "kha": ("Khá", "Fair"),
    "trung_binh": ("Trung bình", "Average"),
    "yeu": ("Yếu", "Weak"),
    "trong_sach_vung_manh_xuat_sac": (
        "Trong sạch, vững mạnh xuất sắc",
        "Clean and strong, excellent",
    ),
    "trong_sach_vung_manh": ("Trong sạch, vững mạnh", "Clean and strong"),
}
PARTY_GRADE_NAMES: dict[str, tuple[str, str]] = {
    "xuat_sac": ("Hoàn thành xuất sắc nhiệm vụ", "Fulfilled with excellence"),
    "tot": ("Hoàn thành tốt nhiệm vụ", "Fulfilled well"),
}

SECTOR_NAMES: dict[str, tuple[str, str]] = {
    "tu_nhan": ("Doanh nghiệp tư nhân trong nước", "Domestic private"),
    "fdi": ("Doanh nghiệp có vốn đầu tư nước ngoài", "Foreign-invested"),
    "htx": ("Hợp tác xã", "Cooperative"),
    "nha_nuoc_thieu_so": ("Doanh nghiệp vốn nhà nước ≤ 50 %", "State capital ≤ 50 %"),
    "ngoai_cong_lap": ("Đơn vị sự nghiệp ngoài công lập", "Non-public service unit"),
}


def org_name(kind: str, vi: bool = False) -> str:
    names = ORG_NAMES.get(kind, (kind, kind, kind, kind))
    return names[0] if vi else tr(names[0], names[1])


def member_noun(kind: str, vi: bool = False) -> str:
    names = ORG_NAMES.get(kind, (kind, kind, kind, kind))
    return names[2] if vi else tr(names[2], names[3])


def grade_name(kind: str, grade: str, vi: bool = False) -> str:
    names = (PARTY_GRADE_NAMES if kind == "party" else {}).get(grade) or GRADE_NAMES.get(grade)
    if names is None:
        return grade
    return names[0] if vi else tr(*names)


def sector_name(code: str | None, vi: bool = False) -> str:
    if not code:
        return "(chưa rõ)" if vi else tr("(chưa rõ)", "(unknown)")
    names = SECTOR_NAMES.get(code)
    if names is None:
        return code
    return names[0] if vi else tr(*names)


_FIXED: dict[str, tuple[str, str]] = {
    "period.code": ("Mã kỳ báo cáo", "Period code"),
    "period.start": ("Ngày đầu kỳ", "First day of the period"),
    "period.end": ("Ngày cuối kỳ", "Last day of the period"),
    "enterprises.active": ("Doanh nghiệp đang hoạt động", "Active enterprises"),
    "enterprises.workers": ("Tổng số lao động", "Workers"),
    "enterprises.stable_workers": ("Lao động có việc làm ổn định", "Stable workers"),
    "members.party.total": ("Đảng viên", "Party members"),
    "members.party.official": ("Đảng viên chính thức", "Official party members"),
    "members.party.probationary": ("Đảng viên dự bị", "Probationary party members"),
    "members.party.admitted": ("Đảng viên kết nạp trong kỳ", "Party members admitted"),
    "members.party.owners": ("Chủ doanh nghiệp là đảng viên", "Owners who are party members"),
    "union_coverage.eligible": (
        "Doanh nghiệp đủ số lao động để lập công đoàn",
        "Enterprises with enough stable workers for a union",
    ),
    "union_coverage.covered": ("Trong đó đã có công đoàn", "Of which have a union"),
    "union_coverage.rate": ("Tỷ lệ có công đoàn", "Union coverage rate"),
    "candidates.identified": ("Quần chúng ưu tú mới xác định", "Candidates identified"),
    "candidates.trained": (
        "Quần chúng học lớp nhận thức về Đảng",
        "Candidates trained (party-awareness course)",
    ),
    "candidates.introduced": ("Quần chúng được giới thiệu", "Candidates introduced"),
    "candidates.admitted": ("Quần chúng được kết nạp", "Candidates admitted"),
    "outreach.visits": ("Lượt tiếp cận doanh nghiệp", "Outreach visits"),
    "outreach.enterprises_visited": ("Doanh nghiệp được tiếp cận", "Enterprises visited"),
    "outreach.surveys_without_party_org": (
        "Khảo sát doanh nghiệp chưa có tổ chức đảng",
        "Surveys of enterprises with no party organisation",
    ),
    "outreach.overdue_follow_ups": ("Việc tiếp theo quá hạn", "Overdue follow-ups"),
    "activities.sessions": ("Buổi học tập, quán triệt, sinh hoạt", "Sessions held"),
    "activities.attendees": ("Lượt người tham dự", "Attendees"),
    "activities.party_attendees": ("Lượt đảng viên tham dự", "Party members attending"),
    "activities.party_attendance_rate": ("Tỷ lệ đảng viên tham dự", "Party attendance rate"),
    "activities.congresses": ("Đại hội", "Congresses"),
    "recognition.models": ("Mô hình “Dân vận khéo”", "“Skilled mass mobilisation” models"),
    "recognition.awards_collective": ("Khen thưởng tập thể", "Collective awards"),
    "recognition.awards_individual": ("Khen thưởng cá nhân", "Individual awards"),
    "terms_ending_within_6_months": (
        "Tổ chức hết nhiệm kỳ trong 6 tháng tới",
        "Organisations whose term ends within 6 months",
    ),
}

_ORG_FIELDS = {
    "active": ("{o} đang hoạt động", "{o} active"),
    "founded": ("{o} thành lập trong kỳ", "{o} founded in the period"),
    "dissolved": ("{o} giải thể trong kỳ", "{o} dissolved in the period"),
    "enterprises_covered": ("Doanh nghiệp có {o}", "Enterprises with {o}"),
}
_MEMBER_FIELDS = {
    "total": ("{m}", "{m}"),
    "joined": ("{m} kết nạp trong kỳ", "{m} joined in the period"),
}


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def figure_label(name: str, vi: bool = False) -> str:
    """A dotted figure name in words: "organizations.party.founded" ->
    "Tổ chức đảng thành lập trong kỳ"."""

    def pick(pair: tuple[str, str]) -> str:
        return pair[0] if vi else tr(*pair)

    if name in _FIXED:
        return pick(_FIXED[name])
    parts = name.split(".")
    if len(parts) == 3 and parts[0] == "organizations" and parts[2] in _ORG_FIELDS:
        template = pick(_ORG_FIELDS[parts[2]])
        return _cap(template.format(o=org_name(parts[1], vi)))
    if len(parts) == 3 and parts[0] == "members" and parts[2] in _MEMBER_FIELDS:
        template = pick(_MEMBER_FIELDS[parts[2]])
        return _cap(template.format(m=member_noun(parts[1], vi)))
    if len(parts) == 2 and parts[0] == "eligible_without_org":
        text = pick(("Doanh nghiệp đủ điều kiện, chưa có {o}", "Eligible enterprises without {o}"))
        return text.format(o=org_name(parts[1], vi))
    if len(parts) == 3 and parts[0] == "ratings":
        return f"{_cap(org_name(parts[1], vi))}: {grade_name(parts[1], parts[2], vi)}"
    return name


# Figures that are stocks (as of a day), as opposed to flows within a period;
# the multi-year review compares these at the start and at the end.
def is_stock(name: str) -> bool:
    parts = name.split(".")
    if parts[0] in ("enterprises", "union_coverage", "eligible_without_org"):
        return True
    if parts[0] == "organizations":
        return parts[-1] in ("active", "enterprises_covered")
    if parts[0] == "members":
        return parts[-1] in ("total", "official", "probationary", "owners")
    return False


# Every field a template may use: (name, meaning vi, meaning en).
TEMPLATE_FIELDS: list[tuple[str, str, str]] = [
    ("title", "Tên loại văn bản: BÁO CÁO", "Document type: BÁO CÁO"),
    ("subject", "Trích yếu: nội dung báo cáo và kỳ báo cáo bằng chữ", "Subject line"),
    ("report_kind", "Loại báo cáo: period (định kỳ) hoặc review (sơ kết)", "period or review"),
    ("period.code", "Mã kỳ báo cáo (VD 2024H1)", "Period code (e.g. 2024H1)"),
    ("period.label", "Kỳ báo cáo bằng chữ (VD 6 tháng đầu năm 2024)", "The period in words"),
    ("period.start", "Ngày đầu kỳ (dd/mm/yyyy)", "First day (dd/mm/yyyy)"),
    ("period.end", "Ngày cuối kỳ, số liệu tính đến ngày này", "Last day; stocks as of it"),
    ("profile.superior_body", "Cơ quan cấp trên (góc trái)", "Superior body (top left)"),
    ("profile.issuing_body", "Cơ quan ban hành (in đậm)", "Issuing body (bold)"),
    ("profile.symbol", "Ký hiệu cơ quan trong số văn bản", "Symbol in document numbers"),
    ("profile.place", "Địa danh", "Place name"),
    ("profile.signer", "Họ tên người ký", "Signer"),
    ("profile.signer_title", "Chức vụ người ký", "Signer's title"),
    ("profile.signing_authority", "Thẩm quyền ký (VD T/M BAN THƯỜNG VỤ)", "Signing authority"),
    ("period_year", "Năm của ngày cuối kỳ (năm đánh giá, xếp loại)", "Year of the last day"),
    (
        "sec.<mục>",
        "Số La Mã của mục: general, results, eligible, fieldwork (rỗng nếu không "
        "có), targets, review (rỗng nếu không phải sơ kết), shortcomings, directions",
        "Section numerals (empty when the section is absent)",
    ),
    ("number", "Số văn bản sau chữ “Số ” (VD 12-BC/BTCHU)", "Document number after “Số ”"),
    ("issue_date.day", "Ngày ban hành: ngày", "Issue date: day"),
    ("issue_date.month", "Ngày ban hành: tháng", "Issue date: month"),
    ("issue_date.year", "Ngày ban hành: năm", "Issue date: year"),
    ("recipients", "Danh sách nơi nhận (đã có dấu câu)", "Recipients (punctuated)"),
    (
        "f.<tên số liệu>",
        "Số liệu gốc (số) theo tên ở mục 4, VD f.enterprises.active",
        "Raw figures",
    ),
    (
        "n.<tên số liệu>",
        "Số liệu đã định dạng kiểu Việt Nam (10.955; 99,5 %), VD n.enterprises.workers",
        "Figures formatted Vietnamese-style",
    ),
    ("org_rows[]", "Mỗi loại tổ chức một dòng (xem các trường r.*)", "One row per org type"),
    ("r.type", "Mã loại tổ chức (party, union…)", "Org type code"),
    ("r.name", "Tên loại tổ chức (tổ chức đảng, công đoàn cơ sở…)", "Org type name"),
    ("r.Name", "Tên loại tổ chức, viết hoa chữ đầu", "Org type name, capitalised"),
    ("r.active", "Số tổ chức đang hoạt động cuối kỳ", "Active at the end"),
    ("r.founded", "Số tổ chức thành lập trong kỳ", "Founded in the period"),
    ("r.dissolved", "Số tổ chức giải thể trong kỳ", "Dissolved in the period"),
    ("r.enterprises_covered", "Số doanh nghiệp có tổ chức", "Enterprises covered"),
    ("r.members", "Số đảng viên/đoàn viên/hội viên cuối kỳ", "Members at the end"),
    ("r.member_noun", "Danh từ chỉ thành viên (đảng viên, đoàn viên…)", "Member noun"),
    ("r.joined", "Số kết nạp mới trong kỳ", "Joined/admitted in the period"),
    ("r.eligible", "Số doanh nghiệp đủ điều kiện nhưng chưa có tổ chức", "Eligible, no org"),
    ("founded_orgs[]", "Tổ chức thành lập trong kỳ (xem o.*)", "Orgs founded (see o.*)"),
    ("dissolved_orgs[]", "Tổ chức giải thể trong kỳ (xem o.*)", "Orgs dissolved (see o.*)"),
    ("o.no", "Số thứ tự", "Row number"),
    ("o.type_name", "Loại tổ chức", "Org type"),
    ("o.name", "Tên tổ chức", "Organisation name"),
    ("o.enterprises", "Doanh nghiệp (tên, cách nhau bởi dấu ;)", "Enterprises covered"),
    ("o.date", "Ngày thành lập (hoặc giải thể)", "Date founded (or dissolved)"),
    ("o.decision", "Số quyết định", "Decision number"),
    ("founded_more", "Số tổ chức thành lập không liệt kê (quá 200 dòng)", "Founded, not listed"),
    ("union_threshold", "Số lao động ổn định tối thiểu để lập công đoàn", "Union threshold"),
    ("eligible_rows[]", "Doanh nghiệp đủ điều kiện chưa có tổ chức (xem e.*)", "Eligible list"),
    ("eligible_total", "Tổng số trường hợp đủ điều kiện chưa có tổ chức", "Eligible total"),
    ("eligible_more", "Số trường hợp không liệt kê (quá 200 dòng)", "Eligible, not listed"),
    ("e.no", "Số thứ tự", "Row number"),
    ("e.type_name", "Loại tổ chức đủ điều kiện thành lập", "Org type"),
    ("e.name", "Tên doanh nghiệp", "Enterprise name"),
    ("e.tax_code", "Mã số thuế", "Tax code"),
    ("e.place", "Xã/phường hoặc khu công nghiệp", "Commune or industrial zone"),
    ("targets[]", "Chỉ tiêu kế hoạch (xem t.*)", "Plan targets (see t.*)"),
    ("t.plan", "Mã kế hoạch", "Plan code"),
    ("t.figure", "Tên số liệu của chỉ tiêu", "Target figure name"),
    ("t.label", "Chỉ tiêu bằng chữ", "Target in words"),
    ("t.target", "Mục tiêu", "Target value"),
    ("t.achieved", "Đã đạt", "Achieved"),
    ("t.rate", "Tỷ lệ đạt", "Rate achieved"),
    ("t.status", "Đánh giá: đạt tiến độ / chậm tiến độ", "On track or behind"),
    ("funding[]", "Kinh phí hỗ trợ thành lập (xem m.*)", "Founding support (see m.*)"),
    ("funding_total", "Tổng kinh phí hỗ trợ", "Total founding support"),
    ("m.plan", "Mã kế hoạch", "Plan code"),
    ("m.type_name", "Loại tổ chức", "Org type"),
    ("m.founded", "Số tổ chức thành lập", "Founded"),
    ("m.paid_for", "Số tổ chức được hỗ trợ", "Paid for"),
    ("m.amount_per_org", "Mức hỗ trợ mỗi tổ chức", "Amount per organisation"),
    ("m.total", "Thành tiền", "Total"),
    ("has_outreach", "Có số liệu tiếp cận doanh nghiệp", "Outreach figures present"),
    ("has_activities", "Có số liệu học tập, sinh hoạt", "Activity figures present"),
    ("has_ratings", "Có kết quả đánh giá, xếp loại", "Ratings present"),
    ("has_recognition", "Có mô hình, khen thưởng", "Recognition present"),
    ("terms_ending", "Số tổ chức hết nhiệm kỳ trong 6 tháng tới", "Terms ending within 6 months"),
    ("rating_rows[]", "Kết quả xếp loại (xem g.*)", "Rating rows (see g.*)"),
    ("g.type_name", "Loại tổ chức", "Org type"),
    ("g.grade", "Mức xếp loại", "Grade"),
    ("g.count", "Số tổ chức", "Number of organisations"),
    ("chart", "Biểu đồ (hình) tổ chức theo xã/phường", "Chart picture"),
    ("chart_caption", "Chú thích biểu đồ", "Chart caption"),
    ("shortcomings[]", "Các đoạn hạn chế, khó khăn (từ --notes)", "Shortcomings paragraphs"),
    ("directions[]", "Các đoạn phương hướng, nhiệm vụ (từ --notes)", "Directions paragraphs"),
    ("review", "Sơ kết kế hoạch: có/không", "Multi-year review or not"),
    ("review_rows[]", "Sơ kết: số liệu đầu kỳ, cuối kỳ, tăng giảm (xem v.*)", "Review rows"),
    ("review_start", "Sơ kết: ngày tính số liệu đầu kỳ", "Review: baseline date"),
    ("review_end", "Sơ kết: ngày tính số liệu cuối kỳ", "Review: end date"),
    ("v.label", "Tên số liệu", "Figure in words"),
    ("v.start", "Số liệu đầu kỳ", "At the start"),
    ("v.end", "Số liệu cuối kỳ", "At the end"),
    ("v.change", "Tăng (+) / giảm (-)", "Change"),
]
