"""The errors the demo raises: a registry already at the demo's folder, the
example data missing, a file without a loader, a bad row of an example file."""

from __future__ import annotations

from dangdn_cli import errors


class RegistryNotEmpty(errors.Conflict):
    vi = "Đã có sổ đăng ký tại {path}; chọn thư mục khác (--out) hoặc xóa tệp đó."
    en = "There is already a registry at {path}; choose another folder (--out) or remove it."


class ExampleDataError(errors.ValidationError):
    vi = "Dữ liệu mẫu {file}, dòng {row}: {message}"
    en = "Example data {file}, row {row}: {message}"


class FieldworkExampleError(ExampleDataError):
    """A bad row of visits.csv, activities.csv, ratings.csv, awards.csv or
    models.csv, in the words of any bad example row."""


class UnknownExampleFile(errors.ValidationError):
    vi = (
        'Không có hàm nạp cho tệp mẫu {file} (thêm một hàm @loads("{file}") trong demo/loaders.py).'
    )
    en = 'No loader for the example file {file} (add a @loads("{file}") function to demo/loaders).'


class ExamplesMissing(errors.NotFound):
    vi = "Không tìm thấy thư mục dữ liệu mẫu {path}."
    en = "The example data folder {path} was not found."
