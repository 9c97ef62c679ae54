"""The words of enterprises and the people who work there: sectors,
statuses, a person's role at work and gender."""

from __future__ import annotations

from dangdn_cli.vocabulary.terms import Group, Term

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
