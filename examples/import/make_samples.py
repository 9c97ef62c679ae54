"""Write the sample sheets of examples/import (fictional data):

- doanh-nghiep.xlsx: an extract of a business registry, as an officer gets it
  (a title above the header, tax codes Excel stored as numbers, real dates);
- dang-vien.xlsx: a party cell's member list with some deliberately bad rows.

    python examples/import/make_samples.py
    dangdn import enterprises examples/import/doanh-nghiep.xlsx
    dangdn import members examples/import/dang-vien.xlsx --rejects dang-vien-loi.xlsx
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).parent
WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)


def tax_code(first_nine: str) -> str:
    """Complete nine digits with the MST check digit (stdnum.vn.mst)."""
    for _ in range(100):
        remainder = sum(w * int(d) for w, d in zip(WEIGHTS, first_nine, strict=True)) % 11
        if remainder:
            return first_nine + str(10 - remainder)
        first_nine = f"{int(first_nine) + 1:09d}"
    raise ValueError(first_nine)


# Fictional enterprises of a fictional district (tax codes of province 03).
ENTERPRISES = [
    # name, sector, commune, zone, founded, owner, workers, stable, female, young
    (
        "Công ty TNHH May mặc Phú An",
        "Tư nhân",
        "Xã Tân Phú",
        "KCN Tân Phú",
        date(2012, 3, 15),
        "Nguyễn Văn Phú",
        820,
        640,
        590,
        410,
    ),
    (
        "Công ty TNHH Điện tử Hòa Bình",
        "FDI",
        "Xã Tân Phú",
        "KCN Tân Phú",
        date(2016, 7, 1),
        "Lee Min Ho",
        1450,
        1210,
        880,
        960,
    ),
    (
        "Công ty CP Thực phẩm Sông Xanh",
        "Tư nhân",
        "Phường An Lạc",
        None,
        date(2009, 11, 20),
        "Trần Thị Lan",
        260,
        190,
        150,
        90,
    ),
    (
        "Hợp tác xã Nông nghiệp Thành Công",
        "Hợp tác xã",
        "Xã Bình Lợi",
        None,
        date(2018, 2, 5),
        "Lê Văn Thành",
        35,
        22,
        12,
        8,
    ),
    (
        "Công ty TNHH Cơ khí Đại Việt",
        "Tư nhân",
        "Phường An Lạc",
        None,
        date(2014, 5, 12),
        "Phạm Quốc Việt",
        140,
        95,
        20,
        60,
    ),
    (
        "Công ty TNHH Giày da Hưng Thịnh",
        "FDI",
        "Xã Tân Phú",
        "KCN Tân Phú",
        date(2019, 9, 9),
        "Chen Wei",
        2100,
        1700,
        1500,
        1300,
    ),
    (
        "Công ty TNHH Logistics Cửu Long",
        "Tư nhân",
        "Phường Bình Đông",
        None,
        date(2020, 1, 6),
        "Võ Minh Khang",
        75,
        40,
        18,
        45,
    ),
    (
        "Công ty CP Dược phẩm Ánh Dương",
        "Vốn nhà nước ≤ 50 %",
        "Phường Bình Đông",
        None,
        date(2005, 4, 28),
        "Đặng Thu Hà",
        310,
        280,
        200,
        70,
    ),
    (
        "Công ty TNHH Bao bì Minh Tâm",
        "Tư nhân",
        "Xã Bình Lợi",
        "CCN Bình Lợi",
        date(2017, 8, 14),
        "Hồ Minh Tâm",
        95,
        60,
        50,
        40,
    ),
    (
        "Trường Mầm non tư thục Hoa Sen",
        "Ngoài công lập",
        "Phường An Lạc",
        None,
        date(2015, 8, 1),
        "Bùi Thị Sen",
        28,
        25,
        27,
        15,
    ),
    (
        "Công ty TNHH Gỗ nội thất Trường Sơn",
        "Tư nhân",
        "Xã Bình Lợi",
        "CCN Bình Lợi",
        date(2011, 6, 30),
        "Ngô Trường Sơn",
        180,
        120,
        40,
        70,
    ),
    (
        "Công ty TNHH Phần mềm Sao Mai",
        "Tư nhân",
        "Phường Bình Đông",
        None,
        date(2021, 3, 3),
        "Đỗ Mai Anh",
        48,
        30,
        20,
        40,
    ),
]
CODES = [tax_code(f"03{n:07d}") for n in range(1_010_101, 1_010_101 + 97 * 12, 97)]


def business_registry() -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Doanh nghiệp"
    sheet.append(["DANH SÁCH DOANH NGHIỆP NGOÀI KHU VỰC NHÀ NƯỚC TRÊN ĐỊA BÀN (trích)"])
    sheet.append(["Nguồn: Cổng thông tin quốc gia về đăng ký doanh nghiệp — dữ liệu hư cấu"])
    sheet.append([])
    header = [
        "STT",
        "Mã số thuế",
        "Tên doanh nghiệp",
        "Loại hình",
        "Xã/Phường",
        "KCN",
        "Ngày thành lập",
        "Người đại diện theo pháp luật",
        "Tổng số lao động",
        "Lao động có HĐLĐ từ 12 tháng",
        "Lao động nữ",
        "Lao động dưới 30 tuổi",
    ]
    sheet.append(header)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for i, (row, code) in enumerate(zip(ENTERPRISES, CODES, strict=True), start=1):
        name, sector, commune, zone, founded, owner, workers, stable, female, young = row
        # Excel turned the codes into numbers: the leading 0 is gone.
        sheet.append(
            [
                i,
                int(code),
                name,
                sector,
                commune,
                zone,
                founded,
                owner,
                workers,
                stable,
                female,
                young,
            ]
        )
        sheet.cell(row=sheet.max_row, column=7).number_format = "DD/MM/YYYY"
    widths = (5, 14, 38, 18, 18, 14, 14, 24, 10, 12, 10, 12)
    for column, width in zip("ABCDEFGHIJKL", widths, strict=True):
        sheet.column_dimensions[column].width = width
    path = HERE / "doanh-nghiep.xlsx"
    book.save(path)
    return path


# A party cell's list; the comments say what is wrong with the bad rows.
MEMBERS = [
    (
        "Nguyễn Văn Phú",
        date(1975, 4, 2),
        "Nam",
        "001075004512",
        0,
        date(2001, 5, 19),
        "Chính thức",
        date(2002, 5, 19),
    ),
    (
        "Hoàng Thị Mai",
        date(1988, 10, 11),
        "Nữ",
        "001188011234",
        0,
        date(2015, 2, 3),
        "Chính thức",
        date(2016, 2, 3),
    ),
    ("Lý Văn Tùng", date(1992, 1, 25), "Nam", "079092006789", 0, date(2024, 9, 2), "Dự bị", None),
    (
        "Trần Thị Lan",
        date(1970, 6, 6),
        "Nữ",
        "034170002233",
        2,
        date(1998, 3, 8),
        "Chính thức",
        None,
    ),
    (
        "Phạm Quốc Việt",
        date(1980, 12, 1),
        "Nam",
        "036080009876",
        4,
        date(2006, 7, 1),
        "Chính thức",
        None,
    ),
    (
        "Vũ Đức Anh",
        date(1990, 3, 14),
        "Nam",
        "038090001111",
        4,
        date(2019, 11, 20),
        "Chính thức",
        date(2020, 11, 20),
    ),
    (
        "Đặng Thu Hà",
        date(1978, 9, 30),
        "Nữ",
        "001178005555",
        7,
        date(2003, 1, 15),
        "Chính thức",
        None,
    ),
    (
        "Nguyễn Thị Hằng",
        date(1985, 2, 17),
        "Nữ",
        "040185003333",
        7,
        date(2012, 6, 1),
        "Chính thức",
        None,
    ),
    # bad: the citizen ID has 9 digits
    (
        "Lê Minh Quân",
        date(1993, 5, 5),
        "Nam",
        "079093123",
        0,
        date(2021, 4, 10),
        "Chính thức",
        None,
    ),
    # bad: made official before being admitted
    (
        "Trịnh Văn Hải",
        date(1987, 8, 8),
        "Nam",
        "001087007777",
        4,
        date(2022, 3, 1),
        "Chính thức",
        date(2021, 3, 1),
    ),
    # bad: the tax code of an enterprise that is not in the registry
    (
        "Mai Thị Thu",
        date(1991, 7, 7),
        "Nữ",
        "001191008888",
        None,
        date(2018, 8, 8),
        "Chính thức",
        None,
    ),
    # bad: the same person twice
    (
        "Hoàng Thị Mai",
        date(1988, 10, 11),
        "Nữ",
        "001188011234",
        0,
        date(2015, 2, 3),
        "Chính thức",
        date(2016, 2, 3),
    ),
    # bad: not a date
    ("Cao Văn Bình", date(1995, 1, 1), "Nam", "001095009999", 2, "30/02/2023", "Dự bị", None),
]
UNKNOWN_ENTERPRISE = tax_code("030999999")


def member_list() -> Path:
    book = Workbook()
    sheet = book.active
    sheet.title = "Đảng viên"
    sheet.append(["DANH SÁCH ĐẢNG VIÊN ĐANG LÀM VIỆC TẠI CÁC DOANH NGHIỆP (dữ liệu hư cấu)"])
    header = [
        "STT",
        "Họ và tên",
        "Ngày sinh",
        "Giới tính",
        "Số CCCD",
        "MST doanh nghiệp",
        "Ngày vào Đảng",
        "Đảng tịch",
        "Ngày chính thức",
        "Ghi chú",
    ]
    sheet.append(header)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for i, row in enumerate(MEMBERS, start=1):
        name, birth, gender, cccd, enterprise, joined, status, official = row
        code = UNKNOWN_ENTERPRISE if enterprise is None else CODES[enterprise]
        sheet.append([i, name, birth, gender, cccd, code, joined, status, official, None])
        for column in (3, 7, 9):
            sheet.cell(row=sheet.max_row, column=column).number_format = "DD/MM/YYYY"
    widths = (5, 22, 12, 9, 15, 16, 13, 11, 14, 20)
    for column, width in zip("ABCDEFGHIJ", widths, strict=True):
        sheet.column_dimensions[column].width = width
    path = HERE / "dang-vien.xlsx"
    book.save(path)
    return path


if __name__ == "__main__":
    for written in (business_registry(), member_list()):
        print(f"wrote {written}")
