"""The errors only the analysis raises: a report period that cannot be read
(a malformed code, an unknown plan, a cutoff outside the period, a plan's
period asked for without the registry) and the eligibility questions that
cannot be asked together or for that type. Each subclasses the hierarchy of
``dangdn_cli.errors`` and names its message in both languages."""

from __future__ import annotations

from dangdn_cli import errors


class InvalidPeriod(errors.ValidationError):
    vi = "Kỳ báo cáo không hợp lệ: {value}. Dùng một trong các dạng: {forms}."
    en = "Invalid period: {value}. Use one of: {forms}."


class UnknownPlan(errors.NotFound):
    vi = "Không tìm thấy kế hoạch có mã {code}."
    en = "No plan with code {code}."


class CutoffOutsidePeriod(errors.ValidationError):
    vi = "Ngày chốt số liệu {cutoff} phải nằm trong kỳ báo cáo ({start} – {end})."
    en = "The cutoff date {cutoff} must fall within the period ({start} – {end})."


class PlanNeedsRegistry(errors.StateError):
    vi = "Kỳ plan:{code} cần mở sổ đăng ký để đọc thời gian của kế hoạch."
    en = "The period plan:{code} needs the registry to read the plan's window."


class ConflictingModes(errors.ValidationError):
    vi = "Chỉ chọn một trong --near, --forecast, --joint."
    en = "Choose at most one of --near, --forecast, --joint."
    exit_code = 2  # a usage error


class JointPartyOnly(errors.ValidationError):
    vi = "--joint chỉ dùng với --type party (đề xuất chi bộ ghép)."
    en = "--joint applies to --type party only (joint party cell proposals)."
