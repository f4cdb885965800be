"""Exit statuses of the ``glossary`` command, decided here and nowhere else.

======  ==========================================================================================
status  meaning
======  ==========================================================================================
0       done; for ``check``, no finding at or above ``--fail-on``
1       done, but the answer is "no": nothing found (``lookup``, ``search``), findings at or above
        ``--fail-on`` (``check``), an invalid table (``validate``), a conflict (``import``); or an
        input error of any command but ``check`` (unreadable file, wrong encoding, bad table)
2       a usage error (Click's own: unknown option, missing argument); for ``check``, also an input
        error, so that a CI job can tell "the translation has findings" (1) from "the check did
        not run" (2)
======  ==========================================================================================
"""

from __future__ import annotations

OK = 0
NO = 1
USAGE = 2

#: Commands whose input errors must not look like a "no" (see the table above).
_INPUT_ERROR = {"check": USAGE}


def input_error(command: str | None) -> int:
    """The status for an input error (:class:`~glossary.errors.GlossaryError`) in *command*."""
    return _INPUT_ERROR.get(command or "", NO)
