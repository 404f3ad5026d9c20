"""The window: PySide6 widgets, item models and workers over the Qt-free core.

Only this package imports Qt. Network and report work runs in worker threads that send plain
data back through queued signals; the item models and widgets are changed on the GUI thread.
"""
