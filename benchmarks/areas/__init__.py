"""One module per corpus area.  Each defines ``predict(corpus_dir) -> Iterator[dict]``, yielding
one prediction line per case in the format of ``../shared/eval/score_<area>.py``."""
