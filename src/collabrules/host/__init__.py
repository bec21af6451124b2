"""The plugin host: hook specifications, hook calling, registrars and plugin loading."""
