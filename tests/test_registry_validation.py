"""Every bad input: one line on stderr in Vietnamese (English with --lang en),
exit code 1 (2 for usage errors), no traceback, the registry unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_registry_helpers import UNREGISTERED, A, B, C, build_registry, use_registry
from test_registry_helpers import fast_cli as fast_cli  # the autouse fixture

# A small registry every case starts from: enterprise A (founded 2020) with a
# party cell (org 1, founded 2021), an official member (membership 1, person 1,
# CCCD 079123456745), a probationary one (membership 2, joined 01/02/2024) and
# a candidate (1, identified 01/01/2024); enterprise B.
SETUP = [
    ["enterprise", "add", "--tax-code", A, "--name", "Công ty TNHH Nguyễn An",
     "--founded", "2020-01-01", "--workers", "50", "--stable-workers", "30"],
    ["enterprise", "add", "--tax-code", B, "--name", "Công ty CP Bình Minh",
     "--founded", "2019-05-01", "--workers", "10", "--stable-workers", "5"],
    ["org", "add", "--type", "party", "--enterprise", A, "--founded", "2021-01-01"],
    ["member", "add", "--name", "Trần Văn Bình", "--type", "party", "--enterprise", A,
     "--org", "1", "--joined", "2015-01-01", "--id-number", "079123456745"],
    ["member", "add", "--name", "Lê Thị Cúc", "--type", "party", "--enterprise", A,
     "--org", "1", "--joined", "2024-02-01", "--status", "probationary"],
    ["candidate", "add", "--name", "Phạm Văn Dũng", "--enterprise", A,
     "--identified", "2024-01-01"],
]  # fmt: skip


@pytest.fixture(scope="module")
def base_file(tmp_path_factory: pytest.TempPathFactory, migrated_registry: Path) -> Path:
    path = tmp_path_factory.mktemp("validation") / "base.db"
    return build_registry(path, migrated_registry, SETUP)


@pytest.fixture
def base(registry: Path, base_file: Path) -> Path:
    use_registry(registry, base_file)
    return registry


CHOICES_TYPES = "party, union, youth, women, veterans"
SECTORS = "tu_nhan, fdi, htx, nha_nuoc_thieu_so, ngoai_cong_lap"
DATE_HELP_VI = "(dùng dạng 2024-05-25, 25/05/2024 hoặc 25/5/2024)"
DATE_HELP_EN = "(use 2024-05-25, 25/05/2024 or 25/5/2024)"

# (test id, arguments, Vietnamese message, English message)
CASES = [
    # tax codes
    ("tax-check-digit", ["enterprise", "add", "--tax-code", "0100109107", "--name", "X"],
     "Mã số thuế không hợp lệ: 0100109107 (sai chữ số kiểm tra).",
     "Invalid tax code: 0100109107 (wrong check digit)."),
    ("tax-length", ["enterprise", "add", "--tax-code", "01001091", "--name", "X"],
     "Mã số thuế không hợp lệ: 01001091 (phải có 10 chữ số, hoặc 10 chữ số-3 chữ số).",
     "Invalid tax code: 01001091 (10 digits, or 10-3 digits)."),
    ("tax-branch-length", ["enterprise", "add", "--tax-code", "0100109106-01", "--name", "X"],
     "Mã số thuế không hợp lệ: 0100109106-01 (phải có 10 chữ số, hoặc 10 chữ số-3 chữ số).",
     "Invalid tax code: 0100109106-01 (10 digits, or 10-3 digits)."),
    ("tax-format", ["enterprise", "add", "--tax-code", "01001091O6", "--name", "X"],
     "Mã số thuế không hợp lệ: 01001091O6 (chỉ gồm chữ số, dạng 0100109106 hoặc "
     "0100109106-001).",
     "Invalid tax code: 01001091O6 (digits only, as 0100109106 or 0100109106-001)."),
    ("tax-branch-000", ["enterprise", "add", "--tax-code", "0100109106-000", "--name", "X"],
     "Mã số thuế không hợp lệ: 0100109106-000 (số đơn vị phụ thuộc phải từ 001 đến 999).",
     "Invalid tax code: 0100109106-000 (the branch must be 001-999)."),
    ("tax-unknown", ["enterprise", "show", UNREGISTERED],
     f"Không tìm thấy doanh nghiệp có mã số thuế {UNREGISTERED}.",
     f"No enterprise with tax code {UNREGISTERED}."),
    ("tax-unknown-member", ["member", "add", "--name", "X", "--type", "union",
                            "--enterprise", UNREGISTERED],
     f"Không tìm thấy doanh nghiệp có mã số thuế {UNREGISTERED}.",
     f"No enterprise with tax code {UNREGISTERED}."),
    ("tax-duplicate", ["enterprise", "add", "--tax-code", A, "--name", "X"],
     f"Mã số thuế {A} đã có trong sổ đăng ký.",
     f"Tax code {A} is already in the registry."),
    ("tax-duplicate-other-spelling", ["enterprise", "add", "--tax-code", f" {A} ", "--name", "X"],
     f"Mã số thuế {A} đã có trong sổ đăng ký.",
     f"Tax code {A} is already in the registry."),
    # citizen IDs
    ("cccd-short", ["member", "add", "--name", "X", "--type", "party", "--enterprise", A,
                    "--id-number", "12345"],
     "Số CCCD không hợp lệ: 12345 (phải gồm đúng 12 chữ số).",
     "Invalid citizen ID: 12345 (must be exactly 12 digits)."),
    ("cccd-letter", ["member", "add", "--name", "X", "--type", "party", "--enterprise", A,
                     "--id-number", "07912345674X"],
     "Số CCCD không hợp lệ: 07912345674X (phải gồm đúng 12 chữ số).",
     "Invalid citizen ID: 07912345674X (must be exactly 12 digits)."),
    ("cccd-13-digits", ["candidate", "add", "--name", "X", "--enterprise", A,
                        "--id-number", "0791234567450"],
     "Số CCCD không hợp lệ: 0791234567450 (phải gồm đúng 12 chữ số).",
     "Invalid citizen ID: 0791234567450 (must be exactly 12 digits)."),
    ("cccd-duplicate", ["member", "add", "--name", "X", "--type", "union", "--enterprise", B,
                        "--id-number", "079123456745"],
     "Số CCCD 079123456745 đã thuộc về người có mã số 1.",
     "Citizen ID 079123456745 already belongs to person 1."),
    # dates
    ("date-31-feb", ["enterprise", "add", "--tax-code", C, "--name", "X",
                     "--founded", "31/02/2024"],
     f"Ngày không hợp lệ: 31/02/2024 {DATE_HELP_VI}.", f"Invalid date: 31/02/2024 {DATE_HELP_EN}."),
    ("date-slashes-iso", ["enterprise", "add", "--tax-code", C, "--name", "X",
                          "--founded", "2024/05/25"],
     f"Ngày không hợp lệ: 2024/05/25 {DATE_HELP_VI}.", f"Invalid date: 2024/05/25 {DATE_HELP_EN}."),
    ("date-month-13", ["enterprise", "list", "--as-of", "2024-13-01"],
     f"Ngày không hợp lệ: 2024-13-01 {DATE_HELP_VI}.", f"Invalid date: 2024-13-01 {DATE_HELP_EN}."),
    ("date-words", ["member", "promote", "2", "--on", "hôm nay"],
     f"Ngày không hợp lệ: hôm nay {DATE_HELP_VI}.", f"Invalid date: hôm nay {DATE_HELP_EN}."),
    ("date-two-digit-year", ["org", "dissolve", "1", "--on", "25/5/24"],
     f"Ngày không hợp lệ: 25/5/24 {DATE_HELP_VI}.", f"Invalid date: 25/5/24 {DATE_HELP_EN}."),
    # unknown codes
    ("sector", ["enterprise", "add", "--tax-code", C, "--name", "X", "--sector", "abc"],
     f"Giá trị loại hình không hợp lệ: abc (chọn một trong: {SECTORS}).",
     f"Invalid sector: abc (choose one of: {SECTORS})."),
    ("org-type", ["org", "add", "--type", "club", "--enterprise", A, "--founded", "2021-01-01"],
     f"Giá trị loại tổ chức không hợp lệ: club (chọn một trong: {CHOICES_TYPES}).",
     f"Invalid organisation type: club (choose one of: {CHOICES_TYPES})."),
    ("member-type", ["member", "add", "--name", "X", "--type", "club", "--enterprise", A],
     f"Giá trị loại tổ chức không hợp lệ: club (chọn một trong: {CHOICES_TYPES}).",
     f"Invalid organisation type: club (choose one of: {CHOICES_TYPES})."),
    ("without", ["enterprise", "list", "--without", "club"],
     f"Giá trị loại tổ chức không hợp lệ: club (chọn một trong: {CHOICES_TYPES}).",
     f"Invalid organisation type: club (choose one of: {CHOICES_TYPES})."),
    ("party-status", ["member", "add", "--name", "X", "--type", "party", "--enterprise", A,
                      "--status", "dubi"],
     "Giá trị đảng tịch (--status) không hợp lệ: dubi (chọn một trong: probationary, official).",
     "Invalid party status: dubi (choose one of: probationary, official)."),
    ("gender", ["member", "add", "--name", "X", "--type", "party", "--enterprise", A,
                "--gender", "male"],
     "Giá trị giới tính không hợp lệ: male (chọn một trong: nam, nu).",
     "Invalid gender: male (choose one of: nam, nu)."),
    ("role", ["member", "add", "--name", "X", "--type", "party", "--enterprise", A,
              "--role", "boss"],
     "Giá trị vai trò không hợp lệ: boss (chọn một trong: owner, manager, worker).",
     "Invalid role: boss (choose one of: owner, manager, worker)."),
    ("move-role", ["person", "move", "1", "--enterprise", B, "--on", "2024-06-01",
                   "--role", "boss"],
     "Giá trị vai trò không hợp lệ: boss (chọn một trong: owner, manager, worker).",
     "Invalid role: boss (choose one of: owner, manager, worker)."),
    ("close-status", ["enterprise", "close", A, "--on", "2024-01-01", "--status", "active"],
     "Giá trị --status không hợp lệ: active (chọn một trong: suspended, dissolved).",
     "Invalid --status: active (choose one of: suspended, dissolved)."),
    ("stage", ["candidate", "advance", "1", "--stage", "graduated", "--on", "2024-02-01"],
     "Giá trị giai đoạn (--stage) không hợp lệ: graduated (chọn một trong: trained, "
     "introduced, admitted, dropped).",
     "Invalid stage (--stage): graduated (choose one of: trained, introduced, admitted, "
     "dropped)."),
    ("stage-list", ["candidate", "list", "--stage", "graduated"],
     "Giá trị giai đoạn (--stage) không hợp lệ: graduated (chọn một trong: identified, "
     "trained, introduced, admitted, dropped).",
     "Invalid stage (--stage): graduated (choose one of: identified, trained, introduced, "
     "admitted, dropped)."),
    ("profile-key", ["profile", "set", "colour", "red"],
     "Giá trị khóa hồ sơ không hợp lệ: colour (chọn một trong: superior_body, issuing_body, "
     "symbol, place, signer, signer_title, signing_authority, recipients, deadline_half_year, "
     "deadline_year).",
     "Invalid profile key: colour (choose one of: superior_body, issuing_body, symbol, place, "
     "signer, signer_title, signing_authority, recipients, deadline_half_year, "
     "deadline_year)."),
    ("profile-deadline", ["profile", "set", "deadline_year", "31/13"],
     "Giá trị không hợp lệ: hạn báo cáo phải có dạng ngày/tháng, VD 25/5: 31/13",
     "Invalid value: a deadline is day/month, e.g. 25/5: 31/13"),
    ("lang", ["--lang", "fr", "enterprise", "list"],
     "Giá trị --lang không hợp lệ: fr (chọn một trong: vi, en).",
     "Giá trị --lang không hợp lệ: fr (chọn một trong: vi, en)."),
    # counts
    ("negative-workers", ["enterprise", "add", "--tax-code", C, "--name", "X",
                          "--workers", "-5"],
     "Số lao động không được âm: -5.", "Workers must not be negative: -5."),
    ("negative-young", ["enterprise", "update", A, "--young-workers", "-1"],
     "Số lao động trẻ không được âm: -1.", "Young workers must not be negative: -1."),
    ("stable-above-total", ["enterprise", "add", "--tax-code", C, "--name", "X",
                            "--workers", "20", "--stable-workers", "30"],
     "Số lao động ổn định (30) không được lớn hơn tổng số lao động (20).",
     "Stable workers (30) cannot exceed total workers (20)."),
    ("stable-above-total-update", ["enterprise", "update", A, "--workers", "10"],
     "Số lao động ổn định (30) không được lớn hơn tổng số lao động (10).",
     "Stable workers (30) cannot exceed total workers (10)."),
    ("female-above-total", ["enterprise", "add", "--tax-code", C, "--name", "X",
                            "--workers", "20", "--female-workers", "30"],
     "Số lao động nữ (30) không được lớn hơn tổng số lao động (20).",
     "Female workers (30) cannot exceed total workers (20)."),
    # an end before its start
    ("as-of-before-founding", ["enterprise", "add", "--tax-code", C, "--name", "X",
                               "--founded", "2020-01-01", "--as-of", "2019-01-01"],
     "Ngày --as-of (01/01/2019) không được trước ngày thành lập (01/01/2020).",
     "The --as-of date (2019-01-01) cannot be before the founding date (2020-01-01)."),
    ("dissolve-before-founding", ["org", "dissolve", "1", "--on", "2020-01-01"],
     "Ngày giải thể (01/01/2020) không được trước ngày thành lập (01/01/2021).",
     "The dissolution date (2020-01-01) cannot be before the founding date (2021-01-01)."),
    ("official-before-admission", ["member", "add", "--name", "X", "--type", "party",
                                   "--enterprise", A, "--joined", "2020-01-01",
                                   "--official-on", "2019-01-01"],
     "Ngày chính thức (01/01/2019) không được trước ngày kết nạp (01/01/2020).",
     "The official date (2019-01-01) cannot be before the admission date (2020-01-01)."),
    ("promote-before-admission", ["member", "promote", "2", "--on", "2023-01-01"],
     "Ngày chính thức (01/01/2023) không được trước ngày kết nạp (01/02/2024).",
     "The official date (2023-01-01) cannot be before the admission date (2024-02-01)."),
    ("leave-before-joining", ["member", "leave", "2", "--on", "2023-01-01"],
     "Ngày rời (01/01/2023) không được trước ngày vào (01/02/2024).",
     "The leaving date (2023-01-01) cannot be before the joining date (2024-02-01)."),
    ("stage-before-previous", ["candidate", "advance", "1", "--stage", "trained",
                               "--on", "2023-12-01"],
     "Ngày học lớp nhận thức về Đảng (01/12/2023) không được trước ngày xác định (01/01/2024).",
     "The trained date (2023-12-01) cannot be before the identified date (2024-01-01)."),
    # unknown ids
    ("org-unknown", ["org", "show", "99"],
     "Không tìm thấy tổ chức có mã số 99.", "No organisation with id 99."),
    ("org-unknown-member", ["member", "add", "--name", "X", "--type", "party",
                            "--enterprise", A, "--org", "99"],
     "Không tìm thấy tổ chức có mã số 99.", "No organisation with id 99."),
    ("org-unknown-dissolve", ["org", "dissolve", "99", "--on", "2024-01-01"],
     "Không tìm thấy tổ chức có mã số 99.", "No organisation with id 99."),
    ("member-unknown", ["member", "promote", "99", "--on", "2024-01-01"],
     "Không tìm thấy đoàn viên/hội viên/đảng viên có mã số 99.", "No membership with id 99."),
    ("member-unknown-leave", ["member", "leave", "99", "--on", "2024-01-01"],
     "Không tìm thấy đoàn viên/hội viên/đảng viên có mã số 99.", "No membership with id 99."),
    ("person-unknown", ["person", "show", "99"],
     "Không tìm thấy người có mã số 99.", "No person with id 99."),
    ("person-unknown-member", ["member", "add", "--type", "party", "--enterprise", A,
                               "--person", "99"],
     "Không tìm thấy người có mã số 99.", "No person with id 99."),
    ("person-unknown-move", ["person", "move", "99", "--enterprise", A, "--on", "2024-01-01"],
     "Không tìm thấy người có mã số 99.", "No person with id 99."),
    ("person-unknown-erase", ["person", "erase", "99", "--confirm"],
     "Không tìm thấy người có mã số 99.", "No person with id 99."),
    ("candidate-unknown", ["candidate", "advance", "99", "--stage", "trained",
                           "--on", "2024-02-01"],
     "Không tìm thấy quần chúng ưu tú có mã số 99.", "No candidate with id 99."),
    ("candidate-unknown-show", ["candidate", "show", "99"],
     "Không tìm thấy quần chúng ưu tú có mã số 99.", "No candidate with id 99."),
    # states and rules
    ("empty-name", ["member", "add", "--type", "party", "--enterprise", A],
     "Họ và tên (--name) không được để trống.", "Full name (--name) must not be empty."),
    ("empty-enterprise-name", ["enterprise", "add", "--tax-code", C, "--name", "  "],
     "Tên doanh nghiệp không được để trống.", "Enterprise name must not be empty."),
    ("update-nothing", ["enterprise", "update", A],
     "Thông tin cần cập nhật không được để trống.", "The fields to update must not be empty."),
    ("update-before-registration", ["enterprise", "update", A, "--as-of", "2019-01-01",
                                    "--workers", "60"],
     f"Doanh nghiệp {A} chỉ có trong sổ từ ngày 01/01/2020, chưa có vào ngày 01/01/2019.",
     f"Enterprise {A} is registered only from 2020-01-01, not yet on 2019-01-01."),
    ("reopen-active", ["enterprise", "reopen", A, "--on", "2024-01-01"],
     f"Doanh nghiệp {A} đang hoạt động vào ngày 01/01/2024.",
     f"Enterprise {A} is active on 2024-01-01."),
    ("org-twice", ["org", "add", "--type", "party", "--enterprise", A, "--founded", "2022-01-01"],
     f"Doanh nghiệp {A} đã có tổ chức đảng (mã 1); giải thể tổ chức đó trước khi thành lập tổ "
     "chức mới.",
     f"Enterprise {A} already has a party organisation (id 1); dissolve it first."),
    ("org-empty", ["org", "add", "--type", "union", "--enterprise", "", "--founded",
                   "2022-01-01"],
     "Mã số thuế không được để trống.", "Tax code must not be empty."),
    ("wrong-org-type", ["member", "add", "--name", "X", "--type", "union", "--enterprise", A,
                        "--org", "1"],
     "Tổ chức 1 là tổ chức đảng, không phải công đoàn cơ sở.",
     "Organisation 1 is a party organisation, not a trade union."),
    ("party-only", ["member", "add", "--name", "X", "--type", "union", "--enterprise", A,
                    "--status", "official"],
     "Chỉ đảng viên (--type party) mới có --status.",
     "Only party members (--type party) take --status."),
    ("residence-with-org", ["member", "add", "--name", "X", "--type", "party", "--enterprise", A,
                            "--org", "1", "--residence"],
     "Đảng viên sinh hoạt nơi cư trú (--residence) không thuộc tổ chức đảng của doanh nghiệp "
     "(bỏ --org).",
     "A residence-registered party member (--residence) has no cell at work (drop --org)."),
    ("second-party-membership", ["member", "add", "--type", "party", "--enterprise", A,
                                 "--person", "1"],
     "Người có mã số 1 đã là đảng viên (mã thành viên 1).",
     "Person 1 is already recorded as a party member (membership 1)."),
    ("promote-official", ["member", "promote", "1", "--on", "2024-01-01"],
     "Đảng viên 1 đã là đảng viên chính thức vào ngày 01/01/2024.",
     "Member 1 is already official on 2024-01-01."),
    ("move-same-employer", ["person", "move", "1", "--enterprise", A, "--on", "2024-01-01"],
     f"Người có mã số 1 đã làm việc tại {A} vào ngày 01/01/2024.",
     f"Person 1 already works at {A} on 2024-01-01."),
    ("erase-unconfirmed", ["person", "erase", "1"],
     "Cần thêm --confirm để xóa vĩnh viễn người có mã số 1.",
     "Add --confirm to erase person 1 permanently."),
    ("introduced-by-party", ["candidate", "add", "--name", "X", "--enterprise", A,
                             "--introduced-by", "1"],
     "Tổ chức giới thiệu quần chúng phải là công đoàn hoặc đoàn thanh niên; tổ chức 1 là tổ "
     "chức đảng.",
     "A candidate is introduced by a union or youth organisation; 1 is a party organisation."),
    ("candidate-party-member", ["candidate", "add", "--enterprise", A, "--person", "1"],
     "Người có mã số 1 đã là đảng viên (mã thành viên 1).",
     "Person 1 is already a party member (membership 1)."),
]  # fmt: skip


@pytest.mark.parametrize(("args", "vi", "en"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_one_line_exit_1_registry_unchanged(base, cli, dump, args, vi, en):
    before = dump()
    result = cli(*args, expect=1)
    assert result.stderr == vi + "\n"
    assert result.stdout == ""
    assert dump() == before
    english = cli("--lang", "en", *args, expect=1)
    assert english.stderr == en + "\n"
    assert dump() == before


def test_dangdn_lang_environment(base, cli, dump, monkeypatch):
    monkeypatch.setenv("DANGDN_LANG", "en")
    result = cli("org", "show", "99", expect=1)
    assert result.stderr == "No organisation with id 99.\n"


USAGE = [
    ("not-a-number", ["member", "promote", "abc", "--on", "2024-01-01"]),
    ("missing-required", ["enterprise", "add", "--name", "X"]),
    ("missing-on", ["enterprise", "close", A]),
    ("unknown-option", ["enterprise", "list", "--colour", "red"]),
    ("member-needs-type", ["member", "add", "--name", "X", "--enterprise", A]),
]


@pytest.mark.parametrize("args", [u[1] for u in USAGE], ids=[u[0] for u in USAGE])
def test_usage_errors_exit_2_registry_unchanged(base, cli, dump, args):
    before = dump()
    result = cli(*args, expect=2)
    assert "Traceback" not in result.output
    assert dump() == before


@pytest.mark.parametrize(
    "value",
    ["2024-05-25", "25/05/2024", "25/5/2024", " 25/5/2024 "],
    ids=["iso", "dmy", "d-m", "sp"],
)
def test_each_date_form_is_accepted(base, cli, value):
    record = cli("org", "dissolve", "1", "--on", value, "--json").json()
    assert record["dissolved_on"] == "2024-05-25"


def test_failed_admission_leaves_nothing_behind(base, cli, dump):
    """The candidate's admission date is set before the check that fails; the
    whole transaction is rolled back."""
    cli("member", "add", "--type", "party", "--enterprise", A, "--person", "3",
        "--joined", "2024-03-01")  # fmt: skip
    before = dump()
    result = cli("candidate", "advance", "1", "--stage", "admitted", "--on", "2024-06-01", expect=1)
    assert result.stderr == "Người có mã số 3 đã là đảng viên (mã thành viên 3).\n"
    assert dump() == before
    assert cli("candidate", "show", "1", "--json").json()["admitted_on"] is None
