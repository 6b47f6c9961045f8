"""Visit extraction as pure functions over loaded reference data.

extractor = Extractor.from_settings(settings)   # loads dictionaries once
visits = extractor.extract_visits(article)      # pure, no I/O
"""

from functools import lru_cache

from streams.extraction.extract import Extractor


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    """The extractor over the packaged reference data, loaded on first use."""
    from streams.settings import Settings

    return Extractor.from_settings(Settings())


__all__ = ["Extractor", "default_extractor"]
