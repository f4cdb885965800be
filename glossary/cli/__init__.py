"""The ``glossary`` command: a thin Click layer over the Python API.

Each command lives in its own module of this package, is imported only when it runs (so
``glossary lookup`` starts quickly), parses options, calls one API function and renders the
result. A :class:`~glossary.errors.GlossaryError` the user can act on becomes one line on stderr;
exit statuses are decided in :mod:`glossary.cli.exits`.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from .. import __version__
from ..errors import GlossaryError
from .exits import input_error
from .options import CONTEXT

#: Command name → ``module:attribute`` in this package. Imported when the command is used.
COMMANDS = {
    "align": "align:align",
    "annotate": "annotate:annotate",
    "check": "check:check",
    "compose": "compose:compose",
    "export": "export:export",
    "extract": "extract:extract",
    "formats": "export:formats",
    "import": "importer:import_",
    "lookup": "lookup:lookup",
    "pinyin": "pinyin:pinyin",
    "search": "lookup:search",
    "trends": "trends:trends",
    "validate": "validate:validate",
}


class _Group(click.Group):
    """A group that imports each command's module on first use and maps library errors to exits.

    An import error inside a command module is a bug and surfaces as one: it is never taken
    for "no such command".
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attr = target.split(":")
        command = getattr(importlib.import_module(f"{__name__}.{module}"), attr)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except GlossaryError as exc:
            click.echo(f"glossary: error: {exc}", err=True)
            ctx.exit(input_error(ctx.invoked_subcommand))
        except BrokenPipeError:
            sys.stderr.close()
            ctx.exit(1)


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "-V", "--version", prog_name="glossary")
def main() -> None:
    """Chinese political terms: look them up, read their pinyin, check and export them.

    \b
    Examples:
      glossary lookup "two maintenance"      # the entry for 两个维护 (Two Upholds)
      glossary lookup 兩個維護                # traditional characters work too
      glossary search "maple brige"          # fuzzy search, best first
      glossary pinyin 中国式现代化            # orthographic pinyin (GB/T 16159)
      glossary extract speech.txt            # recurring political phrases of a text
      glossary check translation.txt         # non-standard renderings
      glossary trends reports/ -f html -o trends.html   # what rose and fell, by year
      glossary compose 坚持和发展马克思主义       # draft English for a phrase the glossary lacks
      glossary export --format tsv -o terms.tsv
      glossary validate                      # check the shipped data

    Run 'glossary COMMAND --help' for each command's options.
    """


__all__ = ["main", "COMMANDS"]
