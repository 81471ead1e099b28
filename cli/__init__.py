"""The `vanban` command line."""
