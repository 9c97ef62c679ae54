"""The root handler: usage errors are one line too, with exit code 2."""


def test_unknown_option_is_one_line_exit_2(cli, dump):
    before = dump()
    result = cli("enterprise", "list", "--bogus", expect=2)
    assert result.stderr.strip() == (
        "Lỗi cú pháp: No such option: --bogus (xem dangdn enterprise list --help)"
    )
    assert result.stdout == ""
    assert dump() == before


def test_missing_option_in_english(cli):
    result = cli("--lang", "en", "org", "add", "--type", "party", expect=2)
    assert result.stderr.strip() == (
        "Usage error: Missing option '--enterprise'. (see dangdn org add --help)"
    )


def test_unknown_command_suggests(cli):
    result = cli("enterprsie", expect=2)
    assert result.stderr.strip().startswith("Lỗi cú pháp: No such command 'enterprsie'.")
    assert "enterprise" in result.stderr


def test_bad_lang_is_clear(cli):
    result = cli("--lang", "fr", "enterprise", "list", expect=1)
    assert result.stderr.strip() == ("Giá trị --lang không hợp lệ: fr (chọn một trong: vi, en).")


def test_no_arguments_shows_help(cli):
    result = cli(expect=2)
    assert "Usage" in result.output and "enterprise" in result.output
