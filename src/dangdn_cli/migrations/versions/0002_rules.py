"""rules: eligibility thresholds and rating scales, with their sources

Revision ID: 0002
Revises: 0001

The values are written out here (not imported from the application) so this
migration keeps meaning the same thing as the code moves on.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PLAN = "Kế hoạch của tỉnh thực hiện Chỉ thị 33-CT/TW ngày 18/3/2019"
_YOUTH = f"{_PLAN}; Điều lệ Đoàn TNCS Hồ Chí Minh"
_ASSUMED = "Giả định của phần mềm, có thể điều chỉnh"

RULES = [
    ("party.min_official_members", "3", f"Điều lệ Đảng, Điều 21; {_PLAN}"),
    ("party.require_stable_operation", "true", _PLAN),
    ("party.require_law_compliance", "true", _PLAN),
    ("party.months_to_official", "12", "Điều lệ Đảng, Điều 5"),
    (
        "union.min_stable_workers",
        "20",
        f"{_PLAN} (Điều lệ Công đoàn Việt Nam chỉ đòi hỏi tối thiểu 5 đoàn viên)",
    ),
    ("youth.min_members", "3", _YOUTH),
    ("youth.require_party_org", "true", _YOUTH),
    ("women.min_members", "3", _ASSUMED),
    ("women.require_party_org", "true", _ASSUMED),
    ("veterans.min_members", "3", _ASSUMED),
    ("veterans.require_party_org", "true", _ASSUMED),
    (
        "rating.party.grades",
        "xuat_sac,tot,hoan_thanh,khong_hoan_thanh",
        "Quy định của Trung ương về đánh giá, xếp loại chất lượng tổ chức đảng hằng năm",
    ),
    (
        "rating.union.grades",
        "vung_manh_xuat_sac,vung_manh,hoan_thanh,yeu",
        "Hướng dẫn của Tổng Liên đoàn Lao động Việt Nam",
    ),
    (
        "rating.youth.grades",
        "xuat_sac,kha,trung_binh,yeu",
        "Hướng dẫn của Ban Chấp hành Trung ương Đoàn",
    ),
    (
        "rating.women.grades",
        "xuat_sac,kha,trung_binh,yeu",
        "Hướng dẫn của Hội Liên hiệp Phụ nữ Việt Nam",
    ),
    (
        "rating.veterans.grades",
        "trong_sach_vung_manh_xuat_sac,trong_sach_vung_manh,kha,trung_binh,yeu",
        "Hướng dẫn của Hội Cựu chiến binh Việt Nam",
    ),
]

rule = sa.table(
    "rule",
    sa.column("key", sa.String),
    sa.column("value", sa.String),
    sa.column("source", sa.String),
)


def upgrade() -> None:
    op.bulk_insert(rule, [{"key": k, "value": v, "source": s} for k, v, s in RULES])


def downgrade() -> None:
    op.execute(rule.delete().where(rule.c.key.in_([k for k, _, _ in RULES])))
