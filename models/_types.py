"""Field types shared by the wire models."""

from typing import Annotated

import pycountry
from pydantic import AfterValidator, AwareDatetime, StringConstraints

# Read once: every table write re-validates each visit's two country codes.
_ALPHA3 = frozenset(country.alpha_3 for country in pycountry.countries)


def _known_alpha3(code: str) -> str:
    if code not in _ALPHA3:
        raise ValueError(f"{code!r} is not an ISO 3166-1 alpha-3 country code")
    return code


# ISO 3166-1 alpha-3, upper case, checked against pycountry's table.
CountryCode = Annotated[
    str,
    StringConstraints(strip_whitespace=True, to_upper=True, pattern=r"^[A-Za-z]{3}$"),
    AfterValidator(_known_alpha3),
]

NonEmptyStr = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

__all__ = ["AwareDatetime", "CountryCode", "NonEmptyStr"]
