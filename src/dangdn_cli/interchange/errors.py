"""The errors of reading, importing and exporting sheets: a file that cannot
be read or written, a header row without its key column, a cell that is not
what its column holds, a row that repeats another or differs from the
registry, and an import refused because rows are bad. Each subclasses the
base hierarchy in ``dangdn_cli.errors``; the messages are ``vi`` / ``en``
templates."""

from __future__ import annotations

from typing import Any

from dangdn_cli import errors


# Reading a sheet.
class UnsupportedFile(errors.ValidationError):
    vi = "Không đọc được loại tệp {suffix}: dùng .csv hoặc .xlsx."
    en = "Cannot read {suffix} files: use .csv or .xlsx."


class FileMissing(errors.NotFound):
    vi = "Không tìm thấy tệp {path}."
    en = "File not found: {path}."


class UnknownEncoding(errors.ValidationError):
    vi = "Bảng mã không hợp lệ: {encoding} (ví dụ: utf-8, cp1258)."
    en = "Unknown encoding: {encoding} (for example utf-8, cp1258)."


class BadEncoding(errors.ValidationError):
    vi = (
        "Không đọc được tệp {path} với bảng mã {encoding} (quanh dòng {row}); nếu tệp "
        "được lưu bằng Windows-1258, hãy dùng --encoding cp1258."
    )

    en = (
        "Cannot read {path} as {encoding} (near row {row}); if it was saved as "
        "Windows-1258, use --encoding cp1258."
    )


class SheetNotFound(errors.NotFound):
    vi = "Tệp {path} không có trang tính {sheet} (có: {sheets})."
    en = "{path} has no sheet {sheet} (it has: {sheets})."


class UnreadableFile(errors.ValidationError):
    vi = "Không đọc được tệp {path}: {detail}"
    en = "Cannot read {path}: {detail}"


# Writing a sheet.
class UnsupportedExport(errors.ValidationError):
    vi = "Không xuất được ra tệp {suffix}: dùng .csv hoặc .xlsx."
    en = "Cannot export to {suffix}: use .csv or .xlsx."


class CannotWrite(errors.DangdnError):
    vi = "Không ghi được tệp {path}: {detail}"
    en = "Cannot write {path}: {detail}"


# A cell that cannot be read as its column's kind.
class NotAnInteger(errors.ValidationError):
    vi = "{field} phải là số nguyên không âm: {value}."
    en = "{field} must be a whole number: {value}."


class InvalidYesNo(errors.ValidationError):
    vi = "{field} phải là có hoặc không: {value}."
    en = "{field} must be yes or no: {value}."


class InvalidLabel(errors.ValidationError):
    vi = "{field} không hợp lệ: {value} (dùng một trong: {choices})."
    en = "Invalid {field}: {value} (use one of: {choices})."


class MaskedIdNumber(errors.ValidationError):
    vi = (
        "Số CCCD đã bị che: {value} (bảng xuất không có --reveal không nhập lại được số "
        "CCCD; hãy xuất lại với --reveal hoặc để trống cột này)."
    )

    en = (
        "The citizen ID is masked: {value} (an export without --reveal cannot bring citizen "
        "IDs back; export again with --reveal or leave the column empty)."
    )


# The header row and the run of an import.
class MissingColumn(errors.ValidationError):
    vi = (
        "Tệp {path} không có cột {column} (các cột đọc được: {found}); xem dangdn import "
        "--show-columns {kind}."
    )

    en = (
        "{path} has no {column} column (columns found: {found}); "
        "see dangdn import --show-columns {kind}."
    )


class DuplicateColumn(errors.ValidationError):
    vi = "Hai cột cùng là {column}: “{first}” và “{second}”; hãy bỏ bớt một cột."
    en = "Two columns are both {column}: “{first}” and “{second}”; remove one."


class ImportRejected(errors.ValidationError):
    vi = (
        "Có {bad} dòng lỗi trong {rows} dòng: chưa ghi gì vào sổ đăng ký (sửa các dòng "
        "lỗi, hoặc dùng --skip-bad để chỉ ghi các dòng hợp lệ)."
    )

    en = (
        "{bad} of {rows} rows have errors: nothing was written to the registry (fix them, "
        "or use --skip-bad to write only the good rows)."
    )
    report: dict[str, Any]


class DryRunRejected(ImportRejected):
    vi = "Chạy thử: có {bad} dòng lỗi trong {rows} dòng; không ghi gì."
    en = "Dry run: {bad} of {rows} rows have errors; nothing written."


class RejectsOverInput(errors.ValidationError):
    vi = "--rejects phải là một tệp khác với tệp đang nhập ({path})."
    en = "--rejects must be another file than the one imported ({path})."


# A row against the file or the registry.
class DuplicateInFile(errors.ValidationError):
    vi = "Trùng với dòng {first} ({what})."
    en = "Same as row {first} ({what})."


class DiffersFromRegistry(errors.Conflict):
    vi = (
        "Đã có trong sổ đăng ký với thông tin khác: {changes} (dùng --on-conflict update "
        "để ghi thông tin mới, hoặc --on-conflict skip để bỏ qua)."
    )

    en = (
        "Already in the registry with different values: {changes} (use --on-conflict update "
        "to record the new values, or --on-conflict skip to leave them)."
    )


class NotYetRegistered(errors.Conflict):
    vi = (
        "Mã số thuế {tax_code} đã có trong sổ đăng ký nhưng chưa có hiệu lực vào ngày "
        "{on}; hãy dùng --as-of từ ngày đăng ký."
    )
    en = "Tax code {tax_code} is in the registry but not yet on {on}; use a later --as-of."


class OrgIdTaken(errors.Conflict):
    vi = (
        "Mã tổ chức {org_id} trong sổ đăng ký là một tổ chức khác ({actual}); để trống "
        "cột mã tổ chức để thêm tổ chức mới."
    )

    en = (
        "Organisation id {org_id} is another organisation in the registry ({actual}); leave "
        "the id empty to add a new one."
    )


class OverlapsInFile(errors.Conflict):
    vi = "Doanh nghiệp {tax_code} đã có {kind_vi} ở dòng {first} trong cùng thời gian."
    en = "Enterprise {tax_code} already has a {kind_en} in row {first} at the same time."
