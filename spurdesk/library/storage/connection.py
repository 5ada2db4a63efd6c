"""The office's PostgreSQL server: a saved connection, its URL, its password, and masking.

A saved connection (`OfficeConnection`) holds host, port, database, user, the TLS options and
perhaps a libpq service name — never a password. The password lives in the operating system's
keyring (`keyring`), filed under the connection's account (`keyring_account`), or is left to
libpq's own `.pgpass` / service file. It is handed to libpq with each connection
(`connect_parameters`), never put into a URL, so every URL the app holds, shows or logs has none
to leak; and
whatever does show a location goes through `display_location` / `hide_passwords`, the one
masking helper (a password typed into `--library postgresql://user:secret@…` included).

`postgresql://` means psycopg 3 here (SQLAlchemy alone would pick psycopg2, which spurdesk does not
ship), and every connection to a server gets libpq's `connect_timeout` and TCP keepalives
(`connect_parameters`), so an unreachable server is said to be so within seconds, and a lost one
within a minute, instead of after the operating system's TCP timeouts.

No SQLAlchemy or keyring at import: the settings module (loaded before the first paint) imports
this one.
"""

from __future__ import annotations

import contextlib
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

#: The keyring's service name for office server passwords.
KEYRING_SERVICE = "spurdesk-kontorsserver"
#: Seconds libpq waits for the server to answer a connection attempt.
CONNECT_TIMEOUT_SECONDS = 5
DEFAULT_PORT = 5432
#: libpq's sslmode values, weakest first.
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_SSL_MODE = "prefer"
_DRIVER = "postgresql+psycopg"
# A dropped network (no reset from the far side) is noticed within about a minute, not the
# operating system's two hours: libpq's TCP keepalives.
_LIBPQ_DEFAULTS = {
    "connect_timeout": str(CONNECT_TIMEOUT_SECONDS),
    "keepalives": "1",
    "keepalives_idle": "30",
    "keepalives_interval": "10",
    "keepalives_count": "3",
    "tcp_user_timeout": "60000",  # ms: unacknowledged data (a write into a dead link)
}

# user:password@ in a URL, and password=… in a query or a libpq conninfo string
_URL_PASSWORD = re.compile(r"(?P<head>://[^:/@\s]*:)[^@\s]*@")
_KEY_PASSWORD = re.compile(r"(?P<head>\bpassword\s*=\s*)(?:'[^']*'|[^&\s]+)", re.IGNORECASE)
MASK = "***"


class OfficeConnection(NamedTuple):
    """Where the office server is and who connects: what Inställningar → Kontorsserver saves.

    With `service` set, libpq reads the rest from pg_service.conf, and the fields given here
    override it. A NamedTuple, not a dataclass: the settings, loaded before the first paint,
    read it, and the dataclasses module need not load then.
    """

    host: str = ""
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""
    sslmode: str = DEFAULT_SSL_MODE
    sslrootcert: str = ""
    service: str = ""

    @property
    def configured(self) -> bool:
        """Enough to try: a service name, or a host and a database."""
        return bool(self.service.strip() or (self.host.strip() and self.database.strip()))

    def url(self) -> URL:
        """The connection's URL (psycopg 3), without any password."""
        from sqlalchemy.engine import URL

        query = {
            key: value.strip()
            for key, value in (
                ("service", self.service),
                ("sslmode", self.sslmode if self.sslmode != DEFAULT_SSL_MODE else ""),
                ("sslrootcert", self.sslrootcert),
            )
            if value.strip()
        }
        host = self.host.strip() or None
        if host is not None and host.startswith("/"):
            # a local socket folder: libpq takes it as the host, a URL only in its query
            query = {"host": host, "port": str(self.port), **query}
            host = None
        return URL.create(
            _DRIVER,
            username=self.user.strip() or None,
            host=host,
            port=self.port if host and self.port != DEFAULT_PORT else None,
            database=self.database.strip() or None,
            query=query,
        )

    def location(self) -> str:
        """The URL as text, for `Library.open` and `--library` (it holds no password)."""
        return self.url().render_as_string(hide_password=False)


def is_server_url(url: URL) -> bool:
    return url.get_backend_name() == "postgresql"


def server_url(url: URL) -> URL:
    """`url` with psycopg 3 as the driver of `postgresql://`, and a `?password=` moved to the
    URL's own password field (the one SQLAlchemy masks when rendering); other URLs unchanged."""
    if not is_server_url(url):
        return url
    if url.drivername == "postgresql":
        url = url.set(drivername=_DRIVER)
    if "password" in url.query:
        password = url.query["password"]
        url = url.difference_update_query(["password"])
        if url.password is None:
            url = url.set(password=password if isinstance(password, str) else password[-1])
    return url


def connect_parameters(url: URL) -> dict[str, str]:
    """What libpq gets beyond `url` when connecting: its timeouts where `url` sets none, and the
    keyring's password where it names none. Given to each connection, never put into the URL,
    so the engine's URL (which messages show) holds neither noise nor a password."""
    if not is_server_url(url):
        return {}
    parameters = {key: value for key, value in _LIBPQ_DEFAULTS.items() if key not in url.query}
    if url.password is None:
        password = stored_password(url)
        if password is not None:
            parameters["password"] = password
    return parameters


def keyring_account(url: URL) -> str:
    """The account a server's password is filed under in the keyring: user, server, port and
    database (or the service name), so two offices' servers never share a password entry."""
    service = url.query.get("service")
    if service:
        where = f"service={service}"
    else:
        host = url.host or url.query.get("host") or ""
        where = f"{host}:{url.port or url.query.get('port') or DEFAULT_PORT}"
    return f"{url.username or ''}@{where}/{url.database or ''}"


def _keyring_applies(url: URL) -> bool:
    """Only a server URL that says where to go (a host, a socket folder or a service) has a
    password filed for it."""
    return is_server_url(url) and bool(
        url.host or url.query.get("host") or url.query.get("service")
    )


def stored_password(url: URL) -> str | None:
    """The password kept in the keyring for `url`'s account; None when there is none or no
    keyring is usable (libpq then tries .pgpass and the service file itself)."""
    if not _keyring_applies(url):
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except (KeyringError, RuntimeError, OSError) as error:
        log.info("no password from the keyring (%s)", type(error).__name__)
        return None


def store_password(url: URL, password: str) -> None:
    """Keeps `password` for `url`'s account in the keyring; an empty one removes the entry."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    from spurdesk.library.errors import LibraryError

    account = keyring_account(url)
    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, account, password)
        else:
            with contextlib.suppress(PasswordDeleteError):  # nothing stored: nothing to forget
                keyring.delete_password(KEYRING_SERVICE, account)
    except (KeyringError, RuntimeError, OSError) as error:
        raise LibraryError(
            f"Lösenordet för {account} kunde inte sparas i datorns nyckelring ({error}). "
            "Lägg i stället lösenordet i filen .pgpass eller i en tjänstefil (pg_service.conf); "
            "se docs/server.md."
        ) from error


def hide_passwords(text: str) -> str:
    """`text` with every password in a URL (`user:secret@`) or a `password=` setting replaced
    by ***: for anything shown or logged that may hold a database address."""
    text = _URL_PASSWORD.sub(lambda match: f"{match['head']}{MASK}@", text)
    return _KEY_PASSWORD.sub(lambda match: f"{match['head']}{MASK}", text)


def display_location(location: str | Path | URL) -> str:
    """A library's location as the user may see it: a path as it is, a URL without its
    password. The one way spurdesk shows a location (window title, messages, log, CLI)."""
    if isinstance(location, str | Path):
        return hide_passwords(str(location))
    return hide_passwords(location.render_as_string(hide_password=True))
