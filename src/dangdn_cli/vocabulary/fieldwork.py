"""The words of fieldwork: visit purposes and follow-up states, activity kinds,
award targets and cadre kinds."""

from __future__ import annotations

from dangdn_cli.vocabulary.terms import Group, Term

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
