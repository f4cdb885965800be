"""The library's exception family: the CLI turns any of these into one line and a non-zero exit."""


class GlossaryError(Exception):
    """Base class for errors a user can act on (bad file, bad option, unreadable input)."""


class InputError(GlossaryError):
    """An input file cannot be read as text (binary, undecodable, missing)."""
