"""Modules that are also the API function of the same name.

``glossary.extract``, ``glossary.check`` … are functions (the API twins of the commands) and
also the modules that define them. Once such a module is imported, Python sets the package
attribute to the module, hiding the function; making the module callable keeps
``glossary.extract(paths)`` working whichever way it was reached.
"""

from __future__ import annotations

import sys
import types


def make_callable(module_name: str, function_name: str) -> None:
    """Let calling module *module_name* call its function *function_name*."""

    class _CallableModule(types.ModuleType):
        def __call__(self, *args, **kwargs):
            return getattr(self, function_name)(*args, **kwargs)

    _CallableModule.__name__ = f"CallableModule[{function_name}]"
    sys.modules[module_name].__class__ = _CallableModule
