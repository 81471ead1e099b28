"""What can go wrong that a person can be told about in one line: every surface catches these."""


class SearchError(Exception):
    """A search that cannot run: no index, or an argument out of range. The message says why."""


class IndexNotFound(SearchError):
    """There is no (finished) index in the folder asked for."""


class Invalid(SearchError):
    """A value a person gave that is out of range or of the wrong kind; the message says which and
    what is allowed (the web answers 400, the CLI exits 2, search() raises it)."""


class UnknownDocument(SearchError):
    """No document in the index has the id asked for (the web answers 404, the CLI says so in one line).
    Every view raises it, never returns None; `message` says it of what the view looks in (the graph,
    the documents a ref names)."""

    def __init__(self, doc_id: str, message: str | None = None):
        super().__init__(message or f"Không có văn bản nào mang mã “{doc_id}”.")
        self.doc_id = doc_id


class OriginalRefused(SearchError):
    """A document's original file is not served; the message says why, the subclass which case."""


class NoOriginal(OriginalRefused):
    """The document came from no file, or its file is gone (the web answers 404)."""


class OutsideCorpus(OriginalRefused):
    """The file is outside every corpus folder the index was built from (the web answers 403)."""


class OriginalChanged(OriginalRefused):
    """The file was edited, or replaced by a link or another kind of file, since it was indexed (the web
    answers 409): what it holds now is not what was indexed."""


class BuildLocked(Exception):
    """Another build holds the index folder."""


class UnsafePath(Exception):
    """A path the program will not write to or read from (a folder it did not make, the home folder,
    a link out of the corpus); the message says which and why."""


class ClusterError(Exception):
    """A Dask cluster the build cannot use or lost (no scheduler at that address, a worker of another
    version, the scheduler gone mid-build); the message says which, and the current index is untouched."""
