"""The registry of isolated regimes: which hosts are watched, and over which dates.

Loaded once from `streams/reference/regimes.yaml` (settings.regimes_path). The data
shape is a YAML list of entries:

    {iso3, name, isolated_since: date, until: date | null, reason, sources: [url, ...]}

and the registry answers "was this host isolated on this date?" for rarity scoring.
"""

from collections.abc import Iterator
from datetime import date
from functools import cache, cached_property
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from models._types import CountryCode, NonEmptyStr

SourceUrl = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^https?://\S+$")]


class RegimeDataError(ValueError):
    """The regimes file cannot be read or one of its entries is invalid."""


class Regime(BaseModel):
    """One host country and the window [isolated_since, until) in which it counts as isolated."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    iso3: CountryCode
    name: NonEmptyStr
    isolated_since: date
    until: date | None = Field(description="First day no longer isolated (exclusive); None: still.")
    reason: NonEmptyStr
    sources: tuple[SourceUrl, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _window_not_empty(self) -> "Regime":
        if self.until is not None and self.until <= self.isolated_since:
            raise ValueError(
                f"until ({self.until}) must be after isolated_since ({self.isolated_since})"
            )
        return self

    def isolated_on(self, on: date) -> bool:
        return self.isolated_since <= on and (self.until is None or on < self.until)


class RegimeRegistry(BaseModel):
    """All regimes, at most one per host country."""

    model_config = ConfigDict(frozen=True)

    regimes: tuple[Regime, ...]

    @model_validator(mode="after")
    def _one_entry_per_host(self) -> "RegimeRegistry":
        seen: set[str] = set()
        for regime in self.regimes:
            if regime.iso3 in seen:
                raise ValueError(f"{regime.iso3} appears more than once")
            seen.add(regime.iso3)
        return self

    @cached_property
    def _by_host(self) -> dict[str, Regime]:
        return {regime.iso3: regime for regime in self.regimes}

    @cached_property
    def hosts(self) -> tuple[str, ...]:
        """Sorted ISO3 codes: the bounded label set for per-host metrics."""
        return tuple(sorted(self._by_host))

    def get(self, host_iso3: str) -> Regime | None:
        return self._by_host.get(host_iso3.upper())

    def isolation_on(self, host_iso3: str, on: date) -> Regime | None:
        """The regime if `host_iso3` was isolated on `on` (since <= on < until), else None."""
        regime = self.get(host_iso3)
        if regime is None or not regime.isolated_on(on):
            return None
        return regime

    def __contains__(self, host_iso3: object) -> bool:
        return isinstance(host_iso3, str) and host_iso3.upper() in self._by_host

    def __iter__(self) -> Iterator[Regime]:  # type: ignore[override]
        return iter(self.regimes)

    def __len__(self) -> int:
        return len(self.regimes)


def _entry_label(index: int, raw: Any) -> str:
    iso3 = raw.get("iso3") if isinstance(raw, dict) else None
    return f"entry {index}" + (f" ({iso3})" if iso3 else "")


def _format_errors(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in e['loc']) or 'entry'}: {e['msg']}" for e in error.errors()
    )


@cache
def load_regimes(path: Path) -> RegimeRegistry:
    """Parse and validate the regimes file; cached per path, since reference data is read once.

    Raises RegimeDataError naming the file and the offending entry.
    """
    try:
        raw_entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RegimeDataError(f"{path}: cannot read regimes: {exc}") from exc
    if not isinstance(raw_entries, list) or not raw_entries:
        raise RegimeDataError(f"{path}: expected a non-empty list of regimes")

    regimes: list[Regime] = []
    for index, raw in enumerate(raw_entries):
        try:
            regimes.append(Regime.model_validate(raw))
        except ValidationError as exc:
            raise RegimeDataError(
                f"{path}: {_entry_label(index, raw)}: {_format_errors(exc)}"
            ) from exc
    try:
        return RegimeRegistry(regimes=tuple(regimes))
    except ValidationError as exc:
        raise RegimeDataError(f"{path}: {_format_errors(exc)}") from exc
