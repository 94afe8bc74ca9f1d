"""Writing generated files: atomically, and only when their bytes change (shared by every stage
that writes under build/, history/ or the generated tree)."""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parent  # generator/
CODE_SUFFIXES = (".py", ".json")


def write_if_changed(path: Path, text: str) -> bool:
    """Write text atomically, only when it differs from what is there; return whether it wrote."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    write_atomic(path, data)
    return True


def write_atomic(path: Path, data: bytes) -> None:
    """Write data to path through a temporary file beside it, so no reader sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@cache
def code_digest(names: tuple[str, ...]) -> str:
    """A hash of the source of the cached code (names under the package), model files included."""
    h = hashlib.sha256(sys.version.encode())  # pickles and floats of another Python are not ours
    for name in names:
        path = PACKAGE / name
        for f in sorted(p for p in path.rglob("*") if p.suffix in CODE_SUFFIXES) if path.is_dir() else [path]:
            h.update(f.relative_to(PACKAGE).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def tree_digest(h: Any, folder: Path, label: str) -> None:
    """Feed every file under folder, by its path under label, into the hash h (an unreadable file by
    its error, which the stage that reads it reports)."""
    if not folder.is_dir():
        return
    for f in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(f"{label}/{f.relative_to(folder).as_posix()}\0".encode())
        try:
            h.update(hashlib.sha256(f.read_bytes()).digest())
        except OSError as exc:  # unreadable: the load stage reports it, located
            h.update(f"unreadable {exc.errno}".encode())
