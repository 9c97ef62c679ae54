"""The one error hierarchy. Every error names its message twice, as class
attributes: ``vi`` (Vietnamese, the default) and ``en``; both are
``str.format`` templates over the keyword arguments given when raising. The
messages are attributes, not docstrings, so they survive ``python -OO``.

Errors raised by the base modules live here; each package keeps the errors
it raises in its own ``errors`` module, subclassing these."""

from __future__ import annotations

from typing import Any

from dangdn_cli.i18n import lang, nfc


class DangdnError(Exception):
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


class UnknownMember(NotFound):
    vi = "Không tìm thấy đoàn viên/hội viên/đảng viên có mã số {member_id}."
    en = "No membership with id {member_id}."


class UnknownPerson(NotFound):
    vi = "Không tìm thấy người có mã số {person_id}."
    en = "No person with id {person_id}."


class UnknownCandidate(NotFound):
    vi = "Không tìm thấy quần chúng ưu tú có mã số {candidate_id}."
    en = "No candidate with id {candidate_id}."


class Conflict(DangdnError):
    vi = "Xung đột dữ liệu: {detail}"
    en = "Conflict: {detail}"


class DuplicateTaxCode(Conflict):
    vi = "Mã số thuế {tax_code} đã có trong sổ đăng ký."
    en = "Tax code {tax_code} is already in the registry."


class DuplicateIdNumber(Conflict):
    vi = "Số CCCD {id_number} đã thuộc về người có mã số {person_id}."
    en = "Citizen ID {id_number} already belongs to person {person_id}."


class StateError(DangdnError):
    vi = "Không thực hiện được: {detail}"
    en = "Cannot do that: {detail}"


class RegistryError(DangdnError):
    vi = "Lỗi sổ đăng ký: {detail}"
    en = "Registry error: {detail}"


# Registry rules (enterprises, organisations, members, candidates).


class EnterpriseNotActive(StateError):
    vi = "Doanh nghiệp {tax_code} không hoạt động vào ngày {on}."
    en = "Enterprise {tax_code} is not active on {on}."


class NotRegisteredYet(StateError):
    vi = "Doanh nghiệp {tax_code} chỉ có trong sổ từ ngày {first}, chưa có vào ngày {on}."
    en = "Enterprise {tax_code} is registered only from {first}, not yet on {on}."


class AlreadyCovered(Conflict):
    vi = (
        "Doanh nghiệp {tax_code} đã có {kind_vi} (mã {org_id}); giải thể tổ chức đó trước "
        "khi thành lập tổ chức mới."
    )

    en = "Enterprise {tax_code} already has a {kind_en} (id {org_id}); dissolve it first."


class DuplicateMembership(Conflict):
    vi = "Người có mã số {person_id} đã là {kind_vi} (mã thành viên {member_id})."
    en = "Person {person_id} is already recorded as a {kind_en} (membership {member_id})."


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


class NotPartyMember(StateError):
    vi = "Thành viên {member_id} không phải đảng viên."
    en = "Membership {member_id} is not a party membership."


class AlreadyOfficial(StateError):
    vi = "Đảng viên {member_id} đã là đảng viên chính thức vào ngày {on}."
    en = "Member {member_id} is already official on {on}."


class AlreadyLeft(StateError):
    vi = "Thành viên {member_id} đã rời tổ chức ngày {on}."
    en = "Member {member_id} already left on {on}."


class AlreadyWorksThere(StateError):
    vi = "Người có mã số {person_id} đã làm việc tại {tax_code} vào ngày {on}."
    en = "Person {person_id} already works at {tax_code} on {on}."


class CandidateFinal(StateError):
    vi = "Quần chúng {candidate_id} đã {stage_vi}; không chuyển giai đoạn được nữa."
    en = "Candidate {candidate_id} has already been {stage_en}; no further stage."


class CandidateStageDone(StateError):
    vi = "Quần chúng {candidate_id} đã qua giai đoạn “{stage_vi}” (ngày {on})."
    en = "Candidate {candidate_id} already reached the stage “{stage_en}” (on {on})."


class AlreadyPartyMember(Conflict):
    vi = "Người có mã số {person_id} đã là đảng viên (mã thành viên {member_id})."
    en = "Person {person_id} is already a party member (membership {member_id})."


class NotIntroducer(ValidationError):
    vi = (
        "Tổ chức giới thiệu quần chúng phải là công đoàn hoặc đoàn thanh niên; tổ chức "
        "{org_id} là {actual_vi}."
    )
    en = "A candidate is introduced by a union or youth organisation; {org_id} is a {actual_en}."


class RegistryNotEmpty(Conflict):
    vi = "Đã có sổ đăng ký tại {path}; chọn thư mục khác (--out) hoặc xóa tệp đó."
    en = "There is already a registry at {path}; choose another folder (--out) or remove it."


class AlreadyCandidate(Conflict):
    vi = "Người có mã số {person_id} đang là quần chúng ưu tú (mã {candidate_id})."
    en = "Person {person_id} is already a candidate (id {candidate_id})."


class ExampleDataError(ValidationError):
    vi = "Dữ liệu mẫu {file}, dòng {row}: {message}"
    en = "Example data {file}, row {row}: {message}"


class UnknownExampleFile(ValidationError):
    vi = (
        'Không có hàm nạp cho tệp mẫu {file} (thêm một hàm @loads("{file}") trong '
        "services/demo.py)."
    )

    en = 'No loader for the example file {file} (add a @loads("{file}") function to services/demo).'


class ExamplesMissing(NotFound):
    vi = "Không tìm thấy thư mục dữ liệu mẫu {path}."
    en = "The example data folder {path} was not found."


class EnterpriseAlreadyActive(StateError):
    vi = "Doanh nghiệp {tax_code} đang hoạt động vào ngày {on}."
    en = "Enterprise {tax_code} is active on {on}."
