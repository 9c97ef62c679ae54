def test_enterprise_add_and_list(cli):
    cli(
        "enterprise",
        "add",
        "--tax-code",
        "0100109106",
        "--name",
        "Công ty Nguyễn An",
        "--workers",
        "50",
        "--stable-workers",
        "30",
    )
    rows = cli("enterprise", "list", "--search", "nguyen", "--json").json()
    assert [r["tax_code"] for r in rows] == ["0100109106"]


def test_bad_tax_code_changes_nothing(cli, dump):
    before = dump()
    result = cli("enterprise", "add", "--tax-code", "0100109107", "--name", "X", expect=1)
    assert result.stderr.strip() == "Mã số thuế không hợp lệ: 0100109107 (sai chữ số kiểm tra)."
    assert dump() == before
