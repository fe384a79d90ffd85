"""Training sentences from local shooting reports (``detection.shootings``): the
headline and the first body sentence that tell the shooting, not captions, page
furniture or accidents; read from the WORK part by incident."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.detection.corpus import FILES, SHOOTING_FILES, read_examples
from eventwire.detection.shootings import first_report, shooting_reports, title_of
from eventwire.evaluate.casualties import part_of


def _article(title: str, text: str, incident: str = "1") -> dict[str, object]:
    return {"id": "a" + incident, "incident_id": incident, "title": title, "text": text}


def test_the_title_loses_the_site_name_after_a_dash() -> None:
    record = _article("Man shot outside corner store in Elmwood - Channel 9 News Weather", "")
    assert title_of(record) == "Man shot outside corner store in Elmwood"


def test_a_title_that_names_no_shooting_or_toll_is_not_taken() -> None:
    assert title_of(_article("Neighbours ask the city for more street lights", "")) is None


def test_a_title_that_calls_it_an_accident_is_not_taken() -> None:
    assert title_of(_article("Boy, 12, hurt in hunting accident near the lake", "")) is None


def test_the_first_report_skips_captions_furniture_and_the_title() -> None:
    text = (
        "Man shot outside corner store Local News Man shot outside corner store "
        "Residents were shocked.\n\n"
        "Police tape outside the store on Main Street after the shooting. (Photo: File)\n\n"
        "Turn on Javascript in your browser to play this clip about the shooting.\n\n"
        "ELMWOOD, Ohio (WXYZ) - A man was shot twice outside a corner store on Friday "
        "night, police said. He was taken to hospital."
    )
    report = first_report(_article("Man shot outside corner store", text))
    assert report == "A man was shot twice outside a corner store on Friday night, police said."


def test_a_first_report_of_an_accident_gives_no_sentence() -> None:
    text = "A teenager accidentally shot himself while cleaning a rifle at home on Sunday."
    assert first_report(_article("Teenager hurt at home", text)) is None


def test_an_article_gives_its_title_and_first_report() -> None:
    text = "A woman was wounded by gunfire on Oak Street early on Tuesday, officers said."
    reports = shooting_reports(_article("Woman wounded in Oak Street shooting", text))
    assert reports == ["Woman wounded in Oak Street shooting", text]


def _incident(part: str) -> str:
    return next(str(n) for n in range(1000) if part_of(str(n)) == part)


def test_only_work_incidents_are_read(tmp_path: Path) -> None:
    for name in FILES.values():
        (tmp_path / name).write_text("", "utf-8")
    work, aside = _incident("work"), _incident("set-aside")
    lines = [
        _article("Two men shot dead in a parked car", "", work),
        _article("Three people wounded in drive-by shooting", "", aside),
    ]
    (tmp_path / SHOOTING_FILES["gvc"]).write_text(
        "\n".join(json.dumps(line) for line in lines) + "\n", "utf-8"
    )
    assert read_examples(tmp_path, "work")[0] == []  # not without asking
    examples, digest = read_examples(tmp_path, "work", shootings=True)
    assert [(e.text, e.origin, e.event, e.type) for e in examples] == [
        ("Two men shot dead in a parked car", "gvc", 1, "ASSAULT")
    ]
    assert len(digest) == 64
