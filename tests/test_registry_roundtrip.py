"""Every record type through --json: what `add` prints is what `show`/`list`
print afterwards, and a listing's JSON is stdout only."""

from __future__ import annotations

import json

from test_registry_helpers import A, B
from test_registry_helpers import fast_cli as fast_cli  # the autouse fixture


def test_enterprise_round_trip(cli):
    added = cli("enterprise", "add", "--tax-code", A, "--name", "Công ty TNHH Nguyễn An",
                "--sector", "htx", "--commune", "Xã Tân Hòa", "--zone", "KCN Sông Lam",
                "--founded", "2019-03-01", "--owner", "Nguyễn Văn An", "--workers", "120",
                "--stable-workers", "90", "--female-workers", "40", "--young-workers", "50",
                "--json").json()  # fmt: skip
    assert cli("enterprise", "show", A, "--json").json() == added
    listed = cli("enterprise", "list", "--json").json()
    shown_only = ("as_of", "organizations", "latest_visits")
    assert listed == [{k: v for k, v in added.items() if k not in shown_only}]
    updated = cli("enterprise", "update", A, "--workers", "130", "--json").json()
    assert cli("enterprise", "show", A, "--json").json() == updated
    closed = cli("enterprise", "close", A, "--on", "2024-01-01", "--json").json()
    assert cli("enterprise", "show", A, "--as-of", "2024-01-01", "--json").json() == closed


def test_organization_round_trip(cli):
    cli("enterprise", "add", "--tax-code", A, "--name", "An", "--founded", "2019-01-01")
    cli("enterprise", "add", "--tax-code", B, "--name", "Bình", "--founded", "2019-01-01")
    added = cli("org", "add", "--type", "party", "--enterprise", A, "--enterprise", B,
                "--founded", "2020-01-01", "--decision", "Số 45", "--json").json()  # fmt: skip
    assert cli("org", "show", str(added["id"]), "--json").json() == added
    assert cli("org", "list", "--json").json() == [added]
    dissolved = cli("org", "dissolve", "1", "--on", "2024-01-01", "--json").json()
    assert cli("org", "show", "1", "--json").json() == dissolved


def test_membership_and_person_round_trip(cli):
    cli("enterprise", "add", "--tax-code", A, "--name", "An", "--founded", "2019-01-01")
    cli("org", "add", "--type", "party", "--enterprise", A, "--founded", "2019-06-01")
    added = cli("member", "add", "--name", "Trần Văn Bình", "--type", "party", "--enterprise", A,
                "--birth", "1985-03-12", "--gender", "nam", "--id-number", "079123456745",
                "--joined", "2023-05-19", "--status", "probationary", "--org", "1",
                "--json", "--reveal").json()  # fmt: skip
    assert cli("member", "list", "--json", "--reveal").json() == [added]
    masked = cli("member", "add", "--type", "union", "--enterprise", A, "--person", "1",
                 "--json").json()  # fmt: skip
    assert masked["id_number"] == "0791******45"
    listed = {r["id"]: r for r in cli("member", "list", "--json").json()}
    assert listed[masked["id"]] == masked
    promoted = cli("member", "promote", "1", "--on", "2024-05-19", "--json").json()
    assert {r["id"]: r for r in cli("member", "list", "--json").json()}[1]["status"] == "official"
    assert promoted["official_on"] == "2024-05-19"
    person = cli("person", "show", "1", "--json", "--reveal").json()
    assert person["memberships"][0] == {**promoted, "id_number": "079123456745"}
    assert cli("person", "list", "--json", "--reveal").json() == [
        {
            "id": 1,
            "name": "Trần Văn Bình",
            "birth_date": "1985-03-12",
            "gender": "nam",
            "id_number": "079123456745",
            "enterprise": A,
            "role": "worker",
        }
    ]


def test_candidate_round_trip(cli):
    cli("enterprise", "add", "--tax-code", A, "--name", "An", "--founded", "2019-01-01")
    added = cli("candidate", "add", "--name", "Phạm Văn Dũng", "--enterprise", A,
                "--identified", "2024-01-08", "--json").json()  # fmt: skip
    assert cli("candidate", "show", "1", "--json").json() == added
    assert cli("candidate", "list", "--json").json() == [added]
    advanced = cli("candidate", "advance", "1", "--stage", "trained", "--on", "2024-03-01",
                   "--json").json()  # fmt: skip
    assert cli("candidate", "list", "--json").json() == [advanced]


def test_profile_and_log_round_trip(cli):
    entry = cli("profile", "set", "signer", "Lê Thị Thu Hà", "--json").json()
    assert cli("profile", "show", "--json").json()["signer"] == entry["value"]
    log = cli("log", "--json").json()
    assert json.loads(log[0]["after"]) == "Lê Thị Thu Hà"


def test_json_output_is_only_json(cli):
    cli("enterprise", "add", "--tax-code", A, "--name", "An")
    for args in (
        ("enterprise", "list"),
        ("org", "list"),
        ("member", "list"),
        ("person", "list"),
        ("candidate", "list"),
        ("log",),
        ("profile", "show"),
        ("db", "check"),
    ):
        result = cli(*args, "--json")
        json.loads(result.stdout)
        assert result.stderr == ""
