"""Domain errors: each carries a message meant for the user (what, where, what to do)."""


class SpurdeskError(Exception):
    """Base of every error the user may see; `str(error)` is the user-facing message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InspectionChangedError(SpurdeskError):
    """An inspection was saved by someone else between reading it and writing it back (an
    office server shared by several people); nothing was written, read it again and redo."""
