"""Load pyvi's model now: imported by the fork server of the build's worker processes, so the model
is read once and every worker shares it (1-2 s and about 100 MB each otherwise).

Nothing else imports this module: importing it is the point.
"""

from analyzers.tokens import word_spans

word_spans("Khởi động.")  # the first call loads the tagger too
