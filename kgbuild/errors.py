"""One base class for the errors kgbuild reports to a user as a single line.

Every module raises a subclass with a message that names the file or server and the problem;
the CLI prints it without a traceback.
"""


class KgbuildError(Exception):
    """An error whose message is meant for the user, as is."""

    exit_code = 1


class UsageError(KgbuildError):
    """The user asked for something that cannot be (a missing path, a bad option value)."""

    exit_code = 2


def read_json_file(path, error: type[KgbuildError], kind: str):
    """Parsed JSON of ``path``, or ``error`` with one line naming the file ("not a <kind> file")."""
    import json
    from pathlib import Path

    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a {kind} file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise error(f"{path}: not a {kind} file ({exc})") from None
