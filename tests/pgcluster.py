"""A throw-away PostgreSQL cluster for the tests and benchmarks, run from Debian's `postgresql`
package (its `initdb` and `pg_ctl`), so the server code is tested against a real server.

Why not pytest-postgresql: it runs `initdb` as the current user, and PostgreSQL refuses to run as
root, which is how CI and the development containers run; here the cluster is made and started as
the `postgres` system user when we are root. The cluster listens on a Unix socket only (no TCP
port to collide with) and runs without fsync: it is thrown away after the run.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import sql

#: Set by `.ci/run`: a PostgreSQL that cannot start fails the run instead of skipping its tests.
REQUIRE_ENV = "SPURDESK_REQUIRE_POSTGRES"

_SERVER_SETTINGS = {
    "listen_addresses": "''",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
}


class ClusterError(RuntimeError):
    """PostgreSQL cannot be started here; the message says why."""


def required() -> bool:
    return os.environ.get(REQUIRE_ENV) == "1"


def find_bin_dir() -> Path | None:
    """The folder of `initdb`/`pg_ctl`: $PG_BINDIR, else the newest /usr/lib/postgresql/N/bin
    (Debian keeps them off PATH), else PATH."""
    if explicit := os.environ.get("PG_BINDIR"):
        return Path(explicit)
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0,
    )
    for folder in reversed(candidates):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


@dataclass
class Cluster:
    bin_dir: Path
    data_dir: Path
    socket_dir: Path
    port: int
    _run_as: str | None

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of `database` (psycopg 3 over the cluster's socket)."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.socket_dir}&port={self.port}"

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        return psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user="postgres",
            dbname=database,
            autocommit=True,
        )

    def create_database(self, template: str | None = None) -> str:
        """A new, uniquely named database (a copy of `template` when given); its name."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        with self.connect() as connection:
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
            if template is not None:
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
            connection.execute(statement)
        return name

    def drop_database(self, name: str) -> None:
        with self.connect() as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def stop(self) -> None:
        self._pg_ctl("stop", "-m", "immediate")
        shutil.rmtree(self.data_dir.parent, ignore_errors=True)

    def _pg_ctl(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return _run(
            [str(self.bin_dir / "pg_ctl"), "-D", str(self.data_dir), *arguments], self._run_as
        )


def start_cluster(base: Path | None = None) -> Cluster:
    """initdb and start a cluster under a new folder in `base` (the temp folder by default)."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        raise ClusterError(
            "no PostgreSQL server programs (initdb, pg_ctl) found; install Debian's `postgresql` "
            "package or set PG_BINDIR"
        )
    run_as = _system_user_when_root()
    home = Path(tempfile.mkdtemp(prefix="spurdesk-pg-", dir=base))
    data_dir, socket_dir = home / "data", home / "run"
    socket_dir.mkdir()
    if run_as is not None:
        account = pwd.getpwnam(run_as)
        for folder in (home, socket_dir):
            os.chown(folder, account.pw_uid, account.pw_gid)
    _run(
        [str(bin_dir / "initdb"), "-D", str(data_dir), "-A", "trust", "-U", "postgres", "-E",
         "UTF8", "--locale=C.UTF-8", "--no-sync"],
        run_as,
    )  # fmt: skip
    # No TCP: the socket is `.s.PGSQL.<port>` inside our own folder, so the default number
    # cannot collide with another server.
    port = 5432
    options = " ".join(f"-c {key}={value}" for key, value in _SERVER_SETTINGS.items())
    cluster = Cluster(bin_dir, data_dir, socket_dir, port, run_as)
    cluster._pg_ctl(
        "-o", f"-p {port} -k {socket_dir} {options}", "-l", str(home / "server.log"), "-w",
        "start",
    )  # fmt: skip
    return cluster


def _system_user_when_root() -> str | None:
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError as error:
        raise ClusterError(
            "running as root, and PostgreSQL will not; the `postgres` system user (made by "
            "Debian's package) is missing"
        ) from error
    return "postgres"


def _run(command: list[str], run_as: str | None) -> subprocess.CompletedProcess[str]:
    if run_as is not None:
        command = ["runuser", "-u", run_as, "--", *command]
    try:
        return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError) as error:
        output = getattr(error, "stderr", "") or ""
        raise ClusterError(f"{' '.join(command)} failed: {error} {output.strip()}") from error
