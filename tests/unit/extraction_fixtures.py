"""A small dated leader dictionary written to tmp for the extraction tests.

The rules are tested against these rows, not the project's reference data, so
that the tests keep their meaning while the data files grow.
"""

from datetime import UTC, datetime
from pathlib import Path

from models import Article, VisitStatus

LEADER_ROWS = """\
leader_id,country,name,role,office,start,end,aliases,source,notes
lukashenko-alexander,BLR,Alexander Lukashenko,head_of_state,President,1994-07-20,,Alexander Lukashenka|Aliaksandr Lukashenka,test,
min-aung-hlaing,MMR,Min Aung Hlaing,head_of_government,Chairman of the State Administration Council,2021-02-01,2021-08-01,Senior General Min Aung Hlaing,test,
min-aung-hlaing,MMR,Min Aung Hlaing,head_of_government,Prime Minister,2021-08-01,2025-07-31,Senior General Min Aung Hlaing,test,
min-aung-hlaing,MMR,Min Aung Hlaing,head_of_state,Acting President,2024-07-22,,Senior General Min Aung Hlaing,test,
hun-sen,KHM,Hun Sen,head_of_government,Prime Minister,1985-01-14,2023-08-22,Samdech Hun Sen,test,
hun-manet,KHM,Hun Manet,head_of_government,Prime Minister,2023-08-22,,,test,
xi-jinping,CHN,Xi Jinping,head_of_state,President,2013-03-14,,,test,
putin-vladimir,RUS,Vladimir Putin,head_of_state,President,2012-05-07,,Vladimir Vladimirovich Putin,test,
lavrov-sergey,RUS,Sergey Lavrov,foreign_minister,Minister of Foreign Affairs,2004-03-09,,Sergei Lavrov,test,
kim-jong-un,PRK,Kim Jong Un,head_of_state,President of the State Affairs,2016-06-29,,Kim Jong-un,test,
modi-narendra,IND,Narendra Modi,head_of_government,Prime Minister,2014-05-26,,,test,
orban-viktor,HUN,Viktor Orbán,head_of_government,Prime Minister,2010-05-29,,Viktor Orban,test,
erdogan-recep,TUR,Recep Tayyip Erdoğan,head_of_state,President,2014-08-28,,Recep Tayyip Erdogan|Tayyip Erdogan,test,
pezeshkian-masoud,IRN,Masoud Pezeshkian,head_of_government,President,2024-07-28,,,test,
khamenei-ali,IRN,Ali Khamenei,head_of_state,Supreme Leader,1989-06-04,,,test,
trump-donald,USA,Donald Trump,head_of_state,President,2025-01-20,,,test,
trump-donald,USA,Donald Trump,head_of_government,President,2025-01-20,,,test,
"""  # noqa: E501 - one CSV row per line, as in the reference files


def write_leaders(directory: Path, *extra_rows: str) -> Path:
    """The fixture rows, plus `extra_rows` (CSV lines) for a test that needs someone else."""
    directory.mkdir(parents=True, exist_ok=True)
    rows = LEADER_ROWS + "".join(row + "\n" for row in extra_rows)
    (directory / "test.csv").write_text(rows, encoding="utf-8")
    return directory


def article(
    body: str, published: str = "2025-12-11T08:00:00+00:00", article_id: str = "a1"
) -> Article:
    return Article(
        id=article_id,
        published_at=datetime.fromisoformat(published).astimezone(UTC),
        body=body,
        source="test",
    )


OCC, PAST, PLAN, CANC = (
    VisitStatus.OCCURRING,
    VisitStatus.PAST,
    VisitStatus.PLANNED,
    VisitStatus.CANCELLED,
)


def triples(extractor, body, published="2025-12-11T08:00:00+00:00"):
    """(visitor_country, host_country, status) of every visit extracted from `body`."""
    visits = extractor.extract_visits(article(body, published))
    return sorted((v.visitor_country, v.host_country, v.status) for v in visits)


def only(extractor, body, published="2025-12-11T08:00:00+00:00"):
    """The single visit extracted from `body`."""
    visits = extractor.extract_visits(article(body, published))
    assert len(visits) == 1, visits
    return visits[0]
