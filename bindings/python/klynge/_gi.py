# SPDX-License-Identifier: LGPL-2.1-or-later
"""Loads the Klynge typelib through GObject Introspection.

An installed copy of this package holds ``_paths.py``, written by ``make
install``, naming the directories where the library and its typelib went;
they are put first on gi's search paths so that ``import klynge`` works from
any prefix with no environment.  Run from the source tree there is no
``_paths.py`` and the environment decides (``GI_TYPELIB_PATH`` and
``LD_LIBRARY_PATH``, which ``make check`` sets to the build tree).
"""

import os

import gi

try:
    from . import _paths
except ImportError:  # the source tree: the environment decides
    _paths = None

if _paths is not None and os.path.isfile(
        os.path.join(_paths.TYPELIBDIR, "Klynge-1.0.typelib")):
    gi.require_version("GIRepository", "2.0")
    from gi.repository import GIRepository  # noqa: E402

    GIRepository.Repository.prepend_search_path(_paths.TYPELIBDIR)
    GIRepository.Repository.prepend_library_path(_paths.LIBDIR)

gi.require_version("Klynge", "1.0")

from gi.repository import GLib, Gio, Klynge  # noqa: E402

__all__ = ["GLib", "Gio", "Klynge"]
