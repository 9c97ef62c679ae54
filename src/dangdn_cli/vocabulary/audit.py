"""The words of the audit log: what was done, and to which kind of record."""

from __future__ import annotations

from dangdn_cli.vocabulary.terms import Group, Term

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
