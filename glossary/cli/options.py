"""Options and helpers shared by the commands: one home for ``--glossary`` and ``--script``, and
for how a result reaches standard output or ``-o FILE``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

import click

if TYPE_CHECKING:
    from ..store import Glossary

F = TypeVar("F", bound=Callable[..., object])

#: Click settings every command shares: ``-h`` as well as ``--help``, and 100-column help.
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def glossary_option(f: F) -> F:
    return click.option(
        "--glossary",
        "glossary_path",
        metavar="PATH|none",
        help="A user glossary (TSV file or folder) laid over the shipped terms; 'none' uses no "
        "glossary at all. Default: $GLOSSARY_USER if set.",
    )(f)


def script_option(help_text: str) -> Callable[[F], F]:
    """``--script simplified|traditional|both``, shared by the commands that show Chinese."""
    return click.option(
        "--script",
        type=click.Choice(["simplified", "traditional", "both"]),
        default="both",
        show_default=True,
        help=help_text,
    )


def load_glossary(glossary_path: str | None) -> Glossary:
    """The glossary a command works with: shipped + user overlay, a given table, or none at all."""
    from ..store import Glossary, load

    if glossary_path and glossary_path.lower() == "none":
        return Glossary(())
    return load(user=glossary_path) if glossary_path else load()


def emit(text: str, output: str | None, written: str) -> None:
    """*text* to standard output, or to *output* (atomically) with the line *written* on stderr."""
    if output:
        from ..io.atomic import write_atomic

        write_atomic(output, text)
        click.echo(written, err=True)
    else:
        click.echo(text, nl=False)
