"""The Flask web UI and JSON API over search()."""
