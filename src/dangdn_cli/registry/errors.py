"""The errors only the registry raises: a record not found by its key, a
duplicate, a change the record's state forbids, a value its aggregate's rules
refuse. Each subclasses the base hierarchy in ``dangdn_cli.errors`` (so a
command reports it like any other) and names its message twice, as ``vi`` and
``en`` templates over the keyword arguments given when raising. The errors the
importers raise too (an unknown enterprise, a dissolved or wrong-type
organisation, workforce counts above the total…) stay in the base module."""

from __future__ import annotations

from dangdn_cli.errors import Conflict, NotFound, StateError, ValidationError

# Enterprises.


class DuplicateTaxCode(Conflict):
    vi = "Mã số thuế {tax_code} đã có trong sổ đăng ký."
    en = "Tax code {tax_code} is already in the registry."


class NotRegisteredYet(StateError):
    vi = "Doanh nghiệp {tax_code} chỉ có trong sổ từ ngày {first}, chưa có vào ngày {on}."
    en = "Enterprise {tax_code} is registered only from {first}, not yet on {on}."


class EnterpriseAlreadyActive(StateError):
    vi = "Doanh nghiệp {tax_code} đang hoạt động vào ngày {on}."
    en = "Enterprise {tax_code} is active on {on}."


# Persons and memberships.


class UnknownPerson(NotFound):
    vi = "Không tìm thấy người có mã số {person_id}."
    en = "No person with id {person_id}."


class UnknownMember(NotFound):
    vi = "Không tìm thấy đoàn viên/hội viên/đảng viên có mã số {member_id}."
    en = "No membership with id {member_id}."


class DuplicateIdNumber(Conflict):
    vi = "Số CCCD {id_number} đã thuộc về người có mã số {person_id}."
    en = "Citizen ID {id_number} already belongs to person {person_id}."


class DuplicateMembership(Conflict):
    vi = "Người có mã số {person_id} đã là {kind_vi} (mã thành viên {member_id})."
    en = "Person {person_id} is already recorded as a {kind_en} (membership {member_id})."


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


# Candidates.


class UnknownCandidate(NotFound):
    vi = "Không tìm thấy quần chúng ưu tú có mã số {candidate_id}."
    en = "No candidate with id {candidate_id}."


class CandidateFinal(StateError):
    vi = "Quần chúng {candidate_id} đã {stage_vi}; không chuyển giai đoạn được nữa."
    en = "Candidate {candidate_id} has already been {stage_en}; no further stage."


class CandidateStageDone(StateError):
    vi = "Quần chúng {candidate_id} đã qua giai đoạn “{stage_vi}” (ngày {on})."
    en = "Candidate {candidate_id} already reached the stage “{stage_en}” (on {on})."


class AlreadyPartyMember(Conflict):
    vi = "Người có mã số {person_id} đã là đảng viên (mã thành viên {member_id})."
    en = "Person {person_id} is already a party member (membership {member_id})."


class AlreadyCandidate(Conflict):
    vi = "Người có mã số {person_id} đang là quần chúng ưu tú (mã {candidate_id})."
    en = "Person {person_id} is already a candidate (id {candidate_id})."


class NotIntroducer(ValidationError):
    vi = (
        "Tổ chức giới thiệu quần chúng phải là công đoàn hoặc đoàn thanh niên; tổ chức "
        "{org_id} là {actual_vi}."
    )
    en = "A candidate is introduced by a union or youth organisation; {org_id} is a {actual_en}."


# Activities.


class PartyAboveAttendees(ValidationError):
    vi = "Số đảng viên dự ({party}) không được lớn hơn số người dự ({attendees})."
    en = "Party members attending ({party}) cannot exceed the attendees ({attendees})."


class AttendeesRequired(ValidationError):
    vi = "Có số đảng viên dự thì phải nhập số người dự (--attendees)."
    en = "Give the number of attendees (--attendees) along with the party members attending."


class TermEndRequired(ValidationError):
    vi = "Đại hội mở nhiệm kỳ mới: cần ngày kết thúc nhiệm kỳ (--term-end)."
    en = "A congress opens a new term: give the term's end date (--term-end)."


class TermEndOnlyForCongress(ValidationError):
    vi = "Chỉ đại hội mới có ngày kết thúc nhiệm kỳ (--term-end)."
    en = "Only a congress has a term end date (--term-end)."


class TermEndNotAfterCongress(ValidationError):
    vi = "Ngày kết thúc nhiệm kỳ ({term_end}) phải sau ngày đại hội ({held})."
    en = "The term's end ({term_end}) must be after the congress ({held})."


class OrgNotFoundedYet(StateError):
    vi = "Tổ chức {org_id} thành lập ngày {founded}, chưa có vào ngày {held}."
    en = "Organisation {org_id} was founded on {founded}; it did not exist on {held}."


class OrgDissolved(StateError):
    vi = "Tổ chức {org_id} đã giải thể ngày {dissolved}, không thể ghi hoạt động ngày {held}."
    en = "Organisation {org_id} was dissolved on {dissolved}; no activity on {held}."


# Outreach visits.


class NextDueBeforeVisit(ValidationError):
    vi = "Hạn của bước tiếp theo ({due}) không được trước ngày gặp ({visited})."
    en = "The next step's due date ({due}) cannot be before the visit ({visited})."


# Recognition: ratings, awards, emulation models.


class InvalidGrade(ValidationError):
    vi = "Xếp loại {value} không có trong thang xếp loại {type_label} (chọn một trong: {choices})."
    en = "Grade {value} is not on the {type_label} scale (choose one of: {choices})."


class InvalidYear(ValidationError):
    vi = "Năm không hợp lệ: {value} (từ {low} đến {high})."
    en = "Invalid year: {value} (from {low} to {high})."


class YearOutsideOrgLife(StateError):
    vi = "Tổ chức {org_id} không hoạt động trong năm {year} (thành lập {founded}{dissolved})."
    en = "Organisation {org_id} was not active in {year} (founded {founded}{dissolved})."


class InvalidTargetId(ValidationError):
    vi = "Mã {kind_label} phải là một số: {value}."
    en = "The {kind_label} id must be a number: {value}."


class DuplicateModel(Conflict):
    vi = 'Tổ chức {org_id} đã đăng ký mô hình "{name}" năm {year} (mã {model_id}).'
    en = 'Organisation {org_id} already registered the model "{name}" in {year} (id {model_id}).'


# Plans and cadres.


class UnknownPlan(NotFound):
    vi = "Không tìm thấy kế hoạch {code}."
    en = "No plan {code}."


class DuplicatePlan(Conflict):
    vi = "Kế hoạch {code} đã có trong sổ đăng ký."
    en = "Plan {code} is already in the registry."


class UnknownFigure(ValidationError):
    vi = 'Chỉ tiêu phải là một số liệu của báo cáo: không có số liệu "{figure}"{hint}.'
    en = 'A target must name a report figure: there is no figure "{figure}"{hint}.'


class BadTargetValue(ValidationError):
    vi = 'Giá trị chỉ tiêu {figure} không hợp lệ: "{value}" ({reason}).'
    en = 'Invalid target value for {figure}: "{value}" ({reason}).'


class BadSyntax(ValidationError):
    vi = '{option} sai dạng: "{value}" (dạng đúng: {form}).'
    en = '{option} is malformed: "{value}" (expected: {form}).'


class DuplicateEntry(ValidationError):
    vi = "{option} lặp lại {key}."
    en = "{option} gives {key} twice."


class UnknownTarget(NotFound):
    vi = "Kế hoạch {code} không có chỉ tiêu {figure}."
    en = "Plan {code} has no target {figure}."


class CadreCapReached(StateError):
    vi = (
        "Kế hoạch {code} chỉ cho phép tối đa {cap} cán bộ {kind}; ngày {on} đã phân công "
        "đủ {count}."
    )
    en = "Plan {code} allows at most {cap} {kind} cadres; {count} are already assigned on {on}."


class CadreOutsideWindow(ValidationError):
    vi = (
        "Ngày phân công cán bộ ({on}) phải nằm trong thời gian của kế hoạch {code} "
        "({start} – {end})."
    )

    en = (
        "The cadre's assignment date ({on}) must fall within plan {code}'s window"
        " ({start} – {end})."
    )


# Rules.


class UnknownRule(NotFound):
    vi = "Không có quy tắc {key}. Các khóa hợp lệ: {keys}."
    en = "No rule {key}. Valid keys: {keys}."


class InvalidRuleValue(ValidationError):
    vi = 'Giá trị không hợp lệ cho {key}: "{value}" ({reason}).'
    en = 'Invalid value for {key}: "{value}" ({reason}).'
