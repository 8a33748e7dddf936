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
