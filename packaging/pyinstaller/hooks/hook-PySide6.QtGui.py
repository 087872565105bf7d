"""PyInstaller's own QtGui hook, less the Qt plugins a desktop meeting app never loads.

Used instead of the built-in hook (the spec's `hookspath` comes first). Dropping a plugin here,
before PyInstaller follows library dependencies, also drops what only that plugin needed: the
GTK 3 theme plugin alone brings in GTK, GDK, Cairo and Pango from the build machine (about
15 MB), which would then be loaded in place of the user's own.
"""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies

UNUSED_PLUGINS = (
    "platformthemes/libqgtk3",  # GTK look: the app uses Qt's own style
    # Platforms for embedded screens without a desktop; the app runs on X11 (xcb) or Wayland,
    # and offscreen (tests, `meeting demo --screenshot`).
    "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqminimalegl",
    "platforms/libqvkkhrdisplay", "platforms/libqvnc",
    "egldeviceintegrations/", "generic/",  # used by those platforms only
)


def _wanted(entry: tuple[str, str]) -> bool:
    source = entry[0].replace("\\", "/")
    return not any(f"/plugins/{name}" in source for name in UNUSED_PLUGINS)


hiddenimports, binaries, datas = add_qt6_dependencies(__file__)
binaries = [entry for entry in binaries if _wanted(entry)]
