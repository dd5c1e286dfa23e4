"""Build tooling for the packaged app (PyInstaller spec, icons, archives). Never shipped."""
