"""What can go wrong that a person can be told about in one line: every surface catches these."""


class SearchError(Exception):
    """A search that cannot run: no index, or an argument out of range. The message says why."""


class IndexNotFound(SearchError):
    """There is no (finished) index in the folder asked for."""


class Invalid(SearchError):
    """A value a person gave that is out of range or of the wrong kind; the message says which and
    what is allowed (the web answers 400, the CLI exits 2, search() raises it)."""


class BuildLocked(Exception):
    """Another build holds the index folder."""


class UnsafePath(Exception):
    """A path the program will not write to or read from (a folder it did not make, the home folder,
    a link out of the corpus); the message says which and why."""
