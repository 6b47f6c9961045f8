"""Field types shared by the wire models."""

from typing import Annotated

import pycountry
from pydantic import AfterValidator, AwareDatetime, StringConstraints


def _known_alpha3(code: str) -> str:
    if pycountry.countries.get(alpha_3=code) is None:
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
