"""The one error hierarchy. Every error names its message twice, as class
attributes: ``vi`` (Vietnamese, the default) and ``en``; both are
``str.format`` templates over the keyword arguments given when raising. The
messages are attributes, not docstrings, so they survive ``python -OO``.

The hierarchy lives here, with the errors the base modules raise and those
several packages raise (the registry's rules the importers check too). Each
package keeps the errors only it raises in its own ``errors`` module
(``registry/errors.py``…), subclassing these."""

from __future__ import annotations

from typing import Any

from dangdn_cli.i18n import lang, nfc


class DangdnError(Exception):
    """Every error the tool reports to a person: its message in the current
    language (``message()``), formatted from the keyword arguments given when
    raising, and the exit code the command line ends with. Subclasses set
    ``vi`` and ``en``; the five kinds below (``ValidationError``, ``NotFound``,
    ``Conflict``, ``StateError``, ``RegistryError``) say what went wrong."""

    vi = "Lỗi: {detail}"
    en = "Error: {detail}"
    exit_code = 1

    def __init__(self, **params: Any) -> None:
        self.params = params
        super().__init__(self.message("en"))

    def message(self, language: str | None = None) -> str:
        language = language or lang()
        template = self.en if language == "en" else self.vi
        return nfc(" ".join(template.format(**self.params).split()))


class ValidationError(DangdnError):
    vi = "Giá trị không hợp lệ: {detail}"
    en = "Invalid value: {detail}"


class InvalidTaxCode(ValidationError):
    vi = "Mã số thuế không hợp lệ: {value} ({reason})."
    en = "Invalid tax code: {value} ({reason})."


class InvalidIdNumber(ValidationError):
    vi = "Số CCCD không hợp lệ: {value} (phải gồm đúng 12 chữ số)."
    en = "Invalid citizen ID: {value} (must be exactly 12 digits)."


class InvalidDate(ValidationError):
    vi = "Ngày không hợp lệ: {value} (dùng dạng 2024-05-25, 25/05/2024 hoặc 25/5/2024)."
    en = "Invalid date: {value} (use 2024-05-25, 25/05/2024 or 25/5/2024)."


class InvalidChoice(ValidationError):
    vi = "Giá trị {field} không hợp lệ: {value} (chọn một trong: {choices})."
    en = "Invalid {field}: {value} (choose one of: {choices})."


class NegativeCount(ValidationError):
    vi = "{field} không được âm: {value}."
    en = "{field} must not be negative: {value}."


class StableAboveTotal(ValidationError):
    vi = "Số lao động ổn định ({stable}) không được lớn hơn tổng số lao động ({total})."
    en = "Stable workers ({stable}) cannot exceed total workers ({total})."


class PartAboveTotal(ValidationError):
    vi = "{field} ({part}) không được lớn hơn tổng số lao động ({total})."
    en = "{field} ({part}) cannot exceed total workers ({total})."


class EndBeforeStart(ValidationError):
    vi = "Ngày {end_label} ({end}) không được trước ngày {start_label} ({start})."
    en = "The {end_label} date ({end}) cannot be before the {start_label} date ({start})."


class EmptyValue(ValidationError):
    vi = "{field} không được để trống."
    en = "{field} must not be empty."


class NotFound(DangdnError):
    vi = "Không tìm thấy: {detail}"
    en = "Not found: {detail}"


class UnknownEnterprise(NotFound):
    vi = "Không tìm thấy doanh nghiệp có mã số thuế {tax_code}."
    en = "No enterprise with tax code {tax_code}."


class UnknownOrganization(NotFound):
    vi = "Không tìm thấy tổ chức có mã số {org_id}."
    en = "No organisation with id {org_id}."


class Conflict(DangdnError):
    vi = "Xung đột dữ liệu: {detail}"
    en = "Conflict: {detail}"


class StateError(DangdnError):
    vi = "Không thực hiện được: {detail}"
    en = "Cannot do that: {detail}"


class RegistryError(DangdnError):
    vi = "Lỗi sổ đăng ký: {detail}"
    en = "Registry error: {detail}"


# Registry rules that the importers check too (they raise these for a row).


class EnterpriseNotActive(StateError):
    vi = "Doanh nghiệp {tax_code} không hoạt động vào ngày {on}."
    en = "Enterprise {tax_code} is not active on {on}."


class AlreadyCovered(Conflict):
    vi = (
        "Doanh nghiệp {tax_code} đã có {kind_vi} (mã {org_id}); giải thể tổ chức đó trước "
        "khi thành lập tổ chức mới."
    )

    en = "Enterprise {tax_code} already has a {kind_en} (id {org_id}); dissolve it first."


class AlreadyDissolved(StateError):
    vi = "Tổ chức {org_id} đã giải thể ngày {on}."
    en = "Organisation {org_id} was already dissolved on {on}."


class WrongOrgType(ValidationError):
    vi = "Tổ chức {org_id} là {actual_vi}, không phải {wanted_vi}."
    en = "Organisation {org_id} is a {actual_en}, not a {wanted_en}."


class PartyOnlyOption(ValidationError):
    vi = "Chỉ đảng viên (--type party) mới có {options}."
    en = "Only party members (--type party) take {options}."


class ResidenceWithOrg(ValidationError):
    vi = (
        "Đảng viên sinh hoạt nơi cư trú (--residence) không thuộc tổ chức đảng của doanh "
        "nghiệp (bỏ --org)."
    )

    en = "A residence-registered party member (--residence) has no cell at work (drop --org)."
