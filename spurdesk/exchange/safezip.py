"""Bounded, hostile-input-safe reading of ZIP containers (.spur packages and .docx forms).

A ZIP from outside may be truncated, a ZIP bomb, lie about its sizes, or carry names that would
escape a folder. Nothing here extracts to disk: members are read into memory, each read capped, and
every refusal is an ExchangeError naming the file and the problem.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from spurdesk.exchange.errors import ExchangeError

#: Each way a member name could write outside a folder or hide what it is, and how to say so.
_UNSAFE_NAMES = (
    (re.compile(r"[\x00-\x1f\x7f]"), "styrtecken i namnet"),
    (re.compile(r"^[/\\]|^[A-Za-z]:"), "en absolut sökväg"),
    (re.compile(r"(^|/)\.\.(/|$)"), 'ett ".." som leder ut ur mappen'),
    (re.compile(r"\\"), "ett omvänt snedstreck"),
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_RATIO_FLOOR_BYTES = 256 * 1024  # tiny members may compress extremely well and be harmless


@dataclass(frozen=True)
class ZipLimits:
    max_file_bytes: int
    max_member_bytes: int
    max_total_bytes: int
    max_members: int
    max_ratio: float = 200.0


def shown_name(name: str, limit: int = 80) -> str:
    """A member name as a message can show it: control characters written as \\xNN, so that
    none reaches the screen or a terminal raw, and at most `limit` characters."""
    return _CONTROL.sub(lambda match: f"\\x{ord(match[0]):02x}", name[:limit])


def _refuse(path: Path, problem: str) -> ExchangeError:
    return ExchangeError(f"{path.name}: {problem}")


def _check_names(path: Path, infos: list[zipfile.ZipInfo], allowed: Collection[str] | None) -> None:
    names = [info.filename for info in infos]
    for name in names:
        for pattern, reason in _UNSAFE_NAMES:
            if pattern.search(name):
                raise _refuse(
                    path,
                    f'innehåller delen "{shown_name(name)}" med ett otillåtet namn ({reason}). '
                    "Filen kan vara manipulerad och öppnas inte.",
                )
    duplicates = sorted(name for name, count in Counter(names).items() if count > 1)
    if duplicates:
        raise _refuse(path, f"innehåller delen {duplicates[0]} flera gånger. Filen öppnas inte.")
    if allowed is not None:
        extra = sorted(set(names) - set(allowed))
        if extra:
            raise _refuse(
                path,
                f"innehåller okända delar ({', '.join(extra)[:200]}). "
                "En spurdesk-fil får bara innehålla sina egna delar; filen öppnas inte.",
            )


def _check_declared_sizes(path: Path, infos: list[zipfile.ZipInfo], limits: ZipLimits) -> None:
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise _refuse(path, f"delen {info.filename} är krypterad och kan inte läsas.")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _refuse(path, f"delen {info.filename} använder en komprimering som inte stöds.")
        if info.file_size > limits.max_member_bytes:
            raise _refuse(
                path,
                f"delen {info.filename} är för stor ({info.file_size} byte, "
                f"högst {limits.max_member_bytes}).",
            )
        if info.file_size > _RATIO_FLOOR_BYTES and (
            info.compress_size == 0 or info.file_size / info.compress_size > limits.max_ratio
        ):
            raise _refuse(
                path,
                f"delen {info.filename} packas upp till orimligt mycket mer än den tar i filen "
                "(en så kallad ZIP-bomb). Filen öppnas inte.",
            )
        total += info.file_size
    if total > limits.max_total_bytes:
        raise _refuse(
            path,
            f"innehållet är för stort ({total} byte uppackat, högst {limits.max_total_bytes}).",
        )


def read_zip_members(
    path: Path,
    *,
    limits: ZipLimits,
    allowed: Collection[str] | None = None,
    required: Collection[str] = (),
    wanted: Collection[str] | None = None,
) -> dict[str, bytes]:
    """The contents of the members named in `wanted` (all when None), read with every check.

    `allowed` is the complete set of member names the container may hold (None: any safe name);
    `required` must all be present. Sizes are enforced on the bytes actually read, not only on the
    sizes the archive declares.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise ExchangeError(f"{path}: filen kan inte läsas ({error.strerror}).") from None
    if size > limits.max_file_bytes:
        raise _refuse(path, f"filen är för stor ({size} byte, högst {limits.max_file_bytes}).")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_names(path, infos, allowed)
            if len(infos) > limits.max_members:
                raise _refuse(path, f"innehåller för många delar ({len(infos)}).")
            missing = sorted(set(required) - {info.filename for info in infos})
            if missing:
                raise _refuse(
                    path,
                    f"saknar delen {', '.join(missing)}. Filen är ofullständig; "
                    "be avsändaren skicka den igen.",
                )
            _check_declared_sizes(path, infos, limits)
            contents: dict[str, bytes] = {}
            total = 0
            for info in infos:
                if wanted is not None and info.filename not in wanted:
                    continue
                with archive.open(info) as member:
                    data = member.read(limits.max_member_bytes + 1)
                if len(data) > limits.max_member_bytes:
                    raise _refuse(path, f"delen {info.filename} är större än den uppger sig vara.")
                total += len(data)
                if total > limits.max_total_bytes:
                    raise _refuse(path, "innehållet är för stort uppackat.")
                contents[info.filename] = data
            return contents
    except ExchangeError:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as error:
        raise _refuse(
            path,
            f"filen är skadad eller avkortad ({error}). Be avsändaren skicka den igen, hela filen.",
        ) from None
    except (NotImplementedError, RuntimeError) as error:
        raise _refuse(path, f"filen kan inte läsas ({error}).") from None
    except OSError as error:
        raise ExchangeError(f"{path}: filen kan inte läsas ({error.strerror or error}).") from None
