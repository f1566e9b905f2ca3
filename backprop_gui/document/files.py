"""Document files: reading one safely, saving one atomically, and finding the presets.

Saving goes through a temporary file and a rename, so a crash never leaves half a file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from backprop_gui.document.errors import Text, fail
from backprop_gui.document.model import NetworkDocument
from backprop_gui.document.reading import MAX_DOCUMENT_BYTES, check_size, loads
from backprop_gui.document.writing import dumps
from backprop_gui.paths import resource_path


def load(path: str | os.PathLike[str]) -> NetworkDocument:
    """Read and validate the document at ``path``; every failure is a DocumentError."""
    path = Path(path)
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            fail(Text.IS_FOLDER, path=str(path))
        if not stat.S_ISREG(status.st_mode):
            fail(Text.NOT_REGULAR, path=str(path))
        check_size(status.st_size)
        with path.open("rb") as stream:
            raw = stream.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        fail(Text.FILE_MISSING, path=str(path))
    except PermissionError:
        fail(Text.READ_DENIED, path=str(path))
    except OSError as error:
        fail(Text.READ_FAILED, path=str(path), reason=error.strerror or str(error))
    return loads(raw)


def save(document: NetworkDocument, path: str | os.PathLike[str]) -> None:
    """Write atomically: a temporary file in the same folder, flushed to disk, then renamed.

    On any failure the previous file at ``path`` is untouched and the temporary file removed.
    """
    path = Path(path)
    data = dumps(document).encode("utf-8")
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            with os.fdopen(os.open(temporary, flags, 0o666), "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            with contextlib.suppress(OSError):
                # Keep the permissions of the file being replaced.
                os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))
            os.replace(temporary, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
    except PermissionError:
        fail(Text.WRITE_DENIED, path=str(path))
    except IsADirectoryError:
        fail(Text.IS_FOLDER, path=str(path))
    except OSError as error:
        fail(Text.WRITE_FAILED, path=str(path), reason=error.strerror or str(error))


def preset_paths() -> list[Path]:
    """The example networks (``resources/presets/*.json``), sorted by file name."""
    return sorted(resource_path("presets").glob("*.json"))
