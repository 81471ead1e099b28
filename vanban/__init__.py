"""The `vanban` command line (`vanban ...` or `python -m vanban ...`), and the bundled corpus it
indexes by default (`corpus/`, shipped as package data)."""
