"""The office server's connection without a server: its URL, the keyring, masking, and the
words for a server that cannot be reached (a closed port on this machine)."""

from __future__ import annotations

import time
from pathlib import Path

import psycopg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from spurdesk.cli import main
from spurdesk.library import (
    Library,
    LibraryError,
    OfficeConnection,
    display_location,
    hide_passwords,
    store_password,
    stored_password,
)
from spurdesk.library.storage import failures
from spurdesk.library.storage.connection import (
    KEYRING_SERVICE,
    connect_parameters,
    keyring_account,
)
from spurdesk.library.storage.failures import Failure
from tests.memory_keyring import MemoryKeyring, closed_port, memory_keyring, no_keyring

__all__ = ["memory_keyring", "no_keyring"]  # the fixtures, for pytest

SECRET = "Hemligt-lösen#42"


OFFICE = OfficeConnection(
    host="spur-db.lipus.example",
    port=5433,
    database="spur",
    user="samordnare",
    sslmode="verify-full",
    sslrootcert="/etc/spurdesk/lipus-ca.pem",
)


def test_a_saved_connection_becomes_a_psycopg3_url_with_its_tls_options_and_no_password() -> None:
    url = make_url(OFFICE.location())
    assert url.drivername == "postgresql+psycopg"
    assert (url.host, url.port, url.database, url.username) == (
        "spur-db.lipus.example",
        5433,
        "spur",
        "samordnare",
    )
    assert url.password is None
    assert dict(url.query) == {
        "sslmode": "verify-full",
        "sslrootcert": "/etc/spurdesk/lipus-ca.pem",
    }


def test_a_service_name_or_a_socket_folder_is_passed_on_to_libpq() -> None:
    service = make_url(OfficeConnection(service="lipus").location())
    assert service.host is None and service.query["service"] == "lipus"
    socket_url = make_url(OfficeConnection(host="/run/pg", port=5444, database="d").location())
    assert (socket_url.query["host"], socket_url.query["port"]) == ("/run/pg", "5444")
    assert not OfficeConnection(host="server").configured  # no database: nothing to try
    assert OfficeConnection(service="lipus").configured


def test_connecting_adds_the_timeouts_and_takes_plain_postgresql_as_psycopg3() -> None:
    from spurdesk.library.storage.opening import parse_location

    url = parse_location("postgresql://anna@server/spur")
    assert url.drivername == "postgresql+psycopg"
    parameters = connect_parameters(url)
    assert parameters["connect_timeout"] == "5"
    assert parameters["keepalives"] == "1"
    given = parse_location("postgresql://anna@server/spur?connect_timeout=20")
    assert "connect_timeout" not in connect_parameters(given)  # the user's own setting stands
    in_query = parse_location(f"postgresql://anna@server/spur?password={SECRET}&sslmode=require")
    assert in_query.password == SECRET and dict(in_query.query) == {"sslmode": "require"}
    assert SECRET not in in_query.render_as_string(hide_password=True)  # as Library.location


def test_the_password_is_kept_in_the_keyring_and_added_only_when_connecting(
    memory_keyring: MemoryKeyring,
) -> None:
    store_password(OFFICE.url(), SECRET)
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "samordnare@spur-db.lipus.example:5433/spur"): SECRET
    }
    # The same account for the address typed by hand (`--library`): it finds the password too.
    typed = make_url("postgresql://samordnare@spur-db.lipus.example:5433/spur")
    assert keyring_account(typed) == keyring_account(OFFICE.url())
    assert stored_password(typed) == SECRET
    assert connect_parameters(typed)["password"] == SECRET
    assert SECRET not in OFFICE.location()
    # Another database on the same server has its own entry.
    assert stored_password(OFFICE._replace(database="annan").url()) is None
    store_password(OFFICE.url(), "")
    assert memory_keyring.passwords == {}
    store_password(OFFICE.url(), "")  # forgetting twice is fine


def test_without_a_usable_keyring_libpq_is_left_to_find_the_password(no_keyring: None) -> None:
    assert stored_password(OFFICE.url()) is None
    assert "password" not in connect_parameters(OFFICE.url())
    with pytest.raises(LibraryError, match=r"nyckelring.*\.pgpass"):
        store_password(OFFICE.url(), SECRET)


@pytest.mark.parametrize(
    "text",
    [
        f"postgresql://anna:{SECRET}@server/spur",
        f"postgresql+psycopg://anna:{SECRET}@server:5433/spur?sslmode=require",
        f"host=server dbname=spur password={SECRET} user=anna",
        f"postgresql://anna@server/spur?password={SECRET}&sslmode=require",
        f"fel i postgresql://anna:{SECRET}@server/spur: nekad",
    ],
)
def test_passwords_are_masked_wherever_an_address_is_shown(text: str) -> None:
    masked = hide_passwords(text)
    assert SECRET not in masked and "***" in masked
    assert "server" in masked


def test_display_location_masks_a_url_object_and_leaves_a_path_alone(tmp_path: object) -> None:
    url = make_url(f"postgresql://anna:{SECRET}@server/spur?password={SECRET}")
    assert SECRET not in display_location(url)
    assert display_location(str(url.render_as_string(hide_password=False))).count("***") == 2
    assert display_location(tmp_path) == str(tmp_path)  # type: ignore[arg-type]


def test_an_invalid_address_is_refused_without_repeating_its_password() -> None:
    with pytest.raises(LibraryError) as caught:
        Library.open(f"postgresql://anna:{SECRET}@server:port/spur")
    assert SECRET not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_a_closed_port_is_told_at_once_as_refused_with_what_to_do() -> None:
    port = closed_port()
    started = time.monotonic()
    with pytest.raises(LibraryError) as caught:
        Library.open(f"postgresql://anna:{SECRET}@127.0.0.1:{port}/spur", create=False)
    assert time.monotonic() - started < 5
    message = str(caught.value)
    assert f"postgresql+psycopg://anna:***@127.0.0.1:{port}/spur" in message  # where
    assert "tog inte emot anslutningen" in message  # why
    assert "arbeta offline" in message  # what to do, and that the laptop keeps working
    assert SECRET not in message
    assert "Traceback" not in message


def _operational(text: str) -> OperationalError:
    return OperationalError("SELECT 1", {}, psycopg.OperationalError(text))


@pytest.mark.parametrize(
    ("text", "failure"),
    [
        ('connection to server at "10.0.0.5", port 5432 failed: timeout expired', Failure.TIMEOUT),
        (
            'connection to server at "x", port 5432 failed: FATAL:  password authentication '
            'failed for user "anna"',
            Failure.AUTH,
        ),
        ('FATAL:  no pg_hba.conf entry for host "10.1.1.1", user "anna"', Failure.AUTH),
        ('FATAL:  database "spur" does not exist', Failure.NO_DATABASE),
        (
            "failed to resolve host 'spur-db': [Errno -2] Name or service not known",
            Failure.UNKNOWN_HOST,
        ),
        ("server does not support SSL, but SSL was required", Failure.TLS),
        ("server closed the connection unexpectedly", Failure.LOST),
        (
            "consuming input failed: terminating connection due to administrator command",
            Failure.LOST,
        ),
        ("something else entirely", Failure.OTHER),
    ],
)
def test_libpq_failures_are_told_as_what_they_are(text: str, failure: Failure) -> None:
    assert failures.classify(_operational(text)) is failure
    assert failures.server_reason(_operational(text))
    assert failures.sqlite_advice(_operational(text))


def test_db_commands_need_a_server_address(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "bibliotek.sqlite"
    assert main(["db", "upgrade", "--library", str(file)]) == 1
    assert "gäller kontorets server" in capsys.readouterr().err
    assert not file.exists()
