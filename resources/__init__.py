"""Icons and data files; reach them through core.resources.resource_path()."""
