"""The one error type of the exchange: every refused package or form ends here."""

from spurdesk.errors import SpurdeskError


class ExchangeError(SpurdeskError):
    """A package, response or Word form that cannot be used; nothing was written.

    The message names the file or part, what is wrong with it and what the user can do.
    """
