"""Build templates/bao-cao.docx, the shipped Word template of the six-month,
annual and review report in the Party's format, with docxtpl fields
(``dangdn report --list-fields``): its sections, sentences and tables, made of
the pieces in ``docx_parts.py``.

The .docx is committed; run this to regenerate it after changing the layout:

    python templates/make_template.py [OUT.docx]

Officers may also edit the .docx itself in Word or LibreOffice: keep each
``{{ … }}`` / ``{%p … %}`` / ``{%tr … %}`` tag in one piece of formatting.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx_parts import (
    body,
    cell_para,
    data_table,
    heading,
    more,
    para,
    plain_table,
    setup,
    tag,
    when,
)

from dangdn_cli.vocabulary import ORG_TYPE, ORG_TYPES


def org_list(what: str, field: str) -> str:
    """``tổ chức đảng {{ field.party }}; công đoàn cơ sở {{ field.union }}; …``,
    each organisation type named as in the vocabulary; ``what`` goes between."""
    return "; ".join(f"{ORG_TYPE.pair(k)[0]}{what}{{{{ {field}.{k} }}}}" for k in ORG_TYPES)


def build(out: Path) -> Path:
    """Lay out the report, section by section, and save it to ``out``."""
    doc = Document()
    setup(doc)

    # --- header: bodies and number (left), the Party's name and the date (right)
    header = plain_table(doc, [68, 97])
    left, right = header.rows[0].cells
    cell_para(left, "{{ profile.superior_body|upper }}", first=True)
    cell_para(left, "{{ profile.issuing_body|upper }}", bold=True)
    cell_para(left, "*")
    cell_para(left, "Số {{ number }}")
    cell_para(right, "ĐẢNG CỘNG SẢN VIỆT NAM", first=True, bold=True, underline=True, size=15)
    cell_para(right, "")
    cell_para(right, "")
    cell_para(
        right,
        "{{ profile.place }}, ngày {{ issue_date.day }} tháng {{ issue_date.month }} "
        "năm {{ issue_date.year }}",
        italic=True,
    )

    # --- title and subject
    para(doc, "", after=0)
    para(doc, "{{ title }}", bold=True, size=16, align="center", after=0, before=12)
    para(doc, "{{ subject }}", bold=True, align="center", after=0)
    para(doc, "-----", align="center", after=12)

    # --- I. general situation
    heading(doc, "{{ sec.general }}. TÌNH HÌNH CHUNG")
    body(
        doc,
        "Tính đến ngày {{ period.end }}, trên địa bàn có {{ n.enterprises.active }} doanh "
        "nghiệp ngoài khu vực nhà nước đang hoạt động với {{ n.enterprises.workers }} lao "
        "động, trong đó {{ n.enterprises.stable_workers }} lao động làm việc ổn định (hợp "
        "đồng từ 12 tháng trở lên).",
    )
    body(
        doc,
        "Số doanh nghiệp đã có "
        + "; đã có ".join(
            f"{ORG_TYPE.pair(k)[0]}: {{{{ n.organizations.{k}.enterprises_covered }}}}"
            for k in ORG_TYPES
        )
        + ".",
    )
    tag(doc, "{%p if chart %}")
    para(doc, "{{ chart }}", align="center", after=0)
    para(doc, "{{ chart_caption }}", italic=True, align="center", size=12)
    tag(doc, "{%p endif %}")

    # --- II. results per organisation type
    heading(doc, "{{ sec.results }}. KẾT QUẢ XÂY DỰNG TỔ CHỨC ĐẢNG, ĐOÀN THỂ")
    heading(doc, "1. Tổng hợp theo loại tổ chức")
    data_table(
        doc,
        [
            "Loại tổ chức",
            "Đang hoạt động",
            "Thành lập trong kỳ",
            "Giải thể trong kỳ",
            "Doanh nghiệp có tổ chức",
            "Đảng viên, đoàn viên, hội viên",
            "Kết nạp trong kỳ",
        ],
        [44, 19, 20, 19, 22, 23, 18],
        [
            "{{ r.Name }}",
            "{{ r.active }}",
            "{{ r.founded }}",
            "{{ r.dissolved }}",
            "{{ r.enterprises_covered }}",
            "{{ r.members }}",
            "{{ r.joined }}",
        ],
        "r in org_rows",
        numeric={1, 2, 3, 4, 5, 6},
    )
    para(doc, "", after=0)
    tag(doc, "{%p for r in org_rows %}")
    body(
        doc,
        "- {{ r.Name }}: {{ r.active }} tổ chức đang hoạt động tại {{ r.enterprises_covered }} "
        "doanh nghiệp; trong kỳ thành lập mới {{ r.founded }}, giải thể {{ r.dissolved }}; "
        "có {{ r.members }} {{ r.member_noun }}, kết nạp mới {{ r.joined }}.",
    )
    tag(doc, "{%p endfor %}")

    heading(doc, "2. Đảng viên trong doanh nghiệp")
    body(
        doc,
        "Tổng số đảng viên đang làm việc trong các doanh nghiệp: {{ n.members.party.total }} "
        "(chính thức {{ n.members.party.official }}, dự bị {{ n.members.party.probationary }}); "
        "kết nạp mới trong kỳ {{ n.members.party.admitted }} đảng viên; "
        "{{ n.members.party.owners }} chủ doanh nghiệp là đảng viên.",
    )

    heading(doc, "3. Tổ chức thành lập mới, giải thể trong kỳ")
    tag(doc, "{%p if founded_orgs %}")
    body(doc, "Các tổ chức thành lập mới trong kỳ:")
    data_table(
        doc,
        ["STT", "Tổ chức", "Doanh nghiệp", "Ngày thành lập", "Quyết định"],
        [13, 43, 43, 24, 42],
        ["{{ o.no }}", "{{ o.name }}", "{{ o.enterprises }}", "{{ o.date }}", "{{ o.decision }}"],
        "o in founded_orgs",
        numeric={0},
    )
    more(doc, "founded_more", "(Và {{ founded_more }} tổ chức khác.)")
    tag(doc, "{%p else %}")
    body(doc, "Trong kỳ không có tổ chức nào được thành lập mới.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if dissolved_orgs %}")
    body(doc, "Các tổ chức giải thể trong kỳ:")
    tag(doc, "{%p for o in dissolved_orgs %}")
    body(
        doc,
        "- {{ o.name }} ({{ o.enterprises }}): giải thể ngày {{ o.date }}"
        "{% if o.decision %} ({{ o.decision }}){% endif %}.",
    )
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")

    heading(doc, "4. Công đoàn cơ sở")
    body(
        doc,
        "Có {{ n.union_coverage.eligible }} doanh nghiệp có từ {{ union_threshold }} lao động "
        "làm việc ổn định trở lên; trong đó {{ n.union_coverage.covered }} doanh nghiệp đã "
        "thành lập công đoàn cơ sở, đạt tỷ lệ {{ n.union_coverage.rate }}.",
    )

    heading(doc, "5. Tạo nguồn phát triển đảng viên")
    body(
        doc,
        "Trong kỳ, xác định mới {{ n.candidates.identified }} quần chúng ưu tú; "
        "{{ n.candidates.trained }} quần chúng được học lớp bồi dưỡng nhận thức về Đảng; "
        "{{ n.candidates.introduced }} quần chúng được công đoàn, đoàn thanh niên giới thiệu; "
        "kết nạp {{ n.candidates.admitted }} quần chúng vào Đảng.",
    )

    # --- III. enterprises that qualify but have no organisation
    heading(doc, "{{ sec.eligible }}. DOANH NGHIỆP ĐỦ ĐIỀU KIỆN NHƯNG CHƯA CÓ TỔ CHỨC")
    body(
        doc,
        "Tính đến ngày {{ period.end }}, số doanh nghiệp đủ điều kiện nhưng chưa thành lập tổ "
        f"chức: {org_list(' ', 'n.eligible_without_org')}.",
    )
    tag(doc, "{%p if eligible_rows %}")
    data_table(
        doc,
        ["STT", "Doanh nghiệp", "Mã số thuế", "Xã/phường, KCN", "Đủ điều kiện lập"],
        [12, 60, 28, 33, 32],
        ["{{ e.no }}", "{{ e.name }}", "{{ e.tax_code }}", "{{ e.place }}", "{{ e.type_name }}"],
        "e in eligible_rows",
        numeric={0},
    )
    more(doc, "eligible_more", "(Và {{ eligible_more }} trường hợp khác, xem phụ lục.)")
    tag(doc, "{%p endif %}")

    # --- IV. fieldwork: outreach, activities, ratings, recognition (when recorded)
    tag(doc, "{%p if sec.fieldwork %}")
    heading(doc, "{{ sec.fieldwork }}. CÔNG TÁC TIẾP CẬN, SINH HOẠT, ĐÁNH GIÁ VÀ KHEN THƯỞNG")
    when(
        doc,
        "has_outreach",
        "- Tiếp cận doanh nghiệp: {{ n.outreach.visits }} lượt tiếp cận, khảo sát tại "
        "{{ n.outreach.enterprises_visited }} doanh nghiệp, trong đó "
        "{{ n.outreach.surveys_without_party_org }} lượt khảo sát doanh nghiệp chưa có tổ chức "
        "đảng; {{ n.outreach.overdue_follow_ups }} việc tiếp theo đã quá hạn.",
    )
    when(
        doc,
        "has_activities",
        "- Học tập, quán triệt, sinh hoạt: {{ n.activities.sessions }} buổi với "
        "{{ n.activities.attendees }} lượt người tham dự, trong đó "
        "{{ n.activities.party_attendees }} lượt đảng viên (tỷ lệ "
        "{{ n.activities.party_attendance_rate }}); {{ n.activities.congresses }} đại hội.",
    )
    tag(doc, "{%p if has_ratings %}")
    body(doc, "- Kết quả đánh giá, xếp loại tổ chức năm {{ period_year }}:")
    tag(doc, "{%p for g in rating_rows %}")
    body(doc, "+ {{ g.type_name }} – {{ g.grade }}: {{ g.count }}.")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p endif %}")
    when(
        doc,
        "has_recognition",
        "- Mô hình “Dân vận khéo”: {{ n.recognition.models }}; khen thưởng "
        "{{ n.recognition.awards_collective }} tập thể và {{ n.recognition.awards_individual }} "
        "cá nhân.",
    )
    when(
        doc,
        "f.terms_ending_within_6_months",
        "- Có {{ terms_ending }} tổ chức hết nhiệm kỳ trong 6 tháng tới, cần chuẩn bị đại hội.",
    )
    tag(doc, "{%p endif %}")

    # --- V. targets and founding support
    heading(doc, "{{ sec.targets }}. TIẾN ĐỘ THỰC HIỆN CHỈ TIÊU VÀ KINH PHÍ HỖ TRỢ")
    tag(doc, "{%p if targets %}")
    data_table(
        doc,
        ["Kế hoạch", "Chỉ tiêu", "Mục tiêu", "Đã đạt", "Tỷ lệ", "Đánh giá"],
        [25, 55, 20, 20, 20, 25],
        [
            "{{ t.plan }}",
            "{{ t.label }}",
            "{{ t.target }}",
            "{{ t.achieved }}",
            "{{ t.rate }}",
            "{{ t.status }}",
        ],
        "t in targets",
        numeric={2, 3, 4},
    )
    tag(doc, "{%p else %}")
    body(doc, "Trong kỳ không có kế hoạch nào đặt chỉ tiêu.")
    tag(doc, "{%p endif %}")
    tag(doc, "{%p if funding %}")
    para(doc, "", after=0)
    body(doc, "Kinh phí hỗ trợ thành lập tổ chức: tổng cộng {{ funding_total }}.")
    data_table(
        doc,
        ["Kế hoạch", "Loại tổ chức", "Thành lập", "Được hỗ trợ", "Mức hỗ trợ", "Thành tiền"],
        [25, 40, 20, 20, 30, 30],
        [
            "{{ m.plan }}",
            "{{ m.type_name }}",
            "{{ m.founded }}",
            "{{ m.paid_for }}",
            "{{ m.amount_per_org }}",
            "{{ m.total }}",
        ],
        "m in funding",
        numeric={2, 3, 4, 5},
        total=["Tổng cộng", "", "", "", "", "{{ funding_total }}"],
    )
    tag(doc, "{%p endif %}")

    # --- the multi-year review (plan:CODE periods)
    tag(doc, "{%p if review %}")
    heading(doc, "{{ sec.review }}. SO SÁNH ĐẦU KỲ VÀ CUỐI KỲ KẾ HOẠCH")
    data_table(
        doc,
        ["Số liệu", "Đầu kỳ ({{ review_start }})", "Cuối kỳ ({{ review_end }})", "Tăng, giảm"],
        [75, 30, 30, 30],
        ["{{ v.label }}", "{{ v.start }}", "{{ v.end }}", "{{ v.change }}"],
        "v in review_rows",
        numeric={1, 2, 3},
    )
    tag(doc, "{%p endif %}")

    # --- shortcomings and directions (from --notes, else left for the officer)
    heading(doc, "{{ sec.shortcomings }}. HẠN CHẾ, KHÓ KHĂN VÀ NGUYÊN NHÂN")
    tag(doc, "{%p if shortcomings %}")
    tag(doc, "{%p for text in shortcomings %}")
    body(doc, "{{ text }}")
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    para(
        doc,
        "[Phần này để đơn vị bổ sung: hạn chế, khó khăn và nguyên nhân.]",
        italic=True,
        indent=True,
        highlight=True,
    )
    tag(doc, "{%p endif %}")
    heading(doc, "{{ sec.directions }}. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI")
    tag(doc, "{%p if directions %}")
    tag(doc, "{%p for text in directions %}")
    last = [body(doc, "{{ text }}")]
    tag(doc, "{%p endfor %}")
    tag(doc, "{%p else %}")
    last.append(
        para(
            doc,
            "[Phần này để đơn vị bổ sung: phương hướng, nhiệm vụ và giải pháp thời gian tới.]",
            italic=True,
            indent=True,
            highlight=True,
        )
    )
    tag(doc, "{%p endif %}")

    # --- recipients (left) and signature block (right), kept with the last lines
    last.append(para(doc, "", after=0))
    for p in last:
        p.paragraph_format.keep_with_next = True
    sign = plain_table(doc, [80, 85])
    sign_pr = sign.rows[0]._tr.get_or_add_trPr()
    sign_pr.append(sign_pr.makeelement(qn("w:cantSplit"), {}))
    left, right = sign.rows[0].cells
    p = cell_para(left, "Nơi nhận:", first=True, bold=True, italic=True, size=12)
    p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    tag(left, "{%p for item in recipients %}")
    para(left, "{{ item }}", size=11, align="left", after=0)
    tag(left, "{%p endfor %}")
    cell_para(right, "{{ profile.signing_authority|upper }}", first=True, bold=True)
    cell_para(right, "{{ profile.signer_title|upper }}", bold=True)
    for _ in range(4):
        cell_para(right, "")
    cell_para(right, "{{ profile.signer }}", bold=True)

    # Keep spaces in every text (the blank document number is spaces).
    for t in doc.element.body.iter(qn("w:t")):
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("bao-cao.docx")
    print(build(target))
