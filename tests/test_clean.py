"""The clean stage: title, captions, credits, noise and body of one article."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.model import DateOrigin, Document, RawDocument, Zone
from eventwire.stages.clean import analyze_layout, clean

TITLE = "Fishermen Rescued After Storm Off Zanzibar"
CAPTION = "Rescuers carry a fisherman ashore in Stone Town, Zanzibar, Sunday, Aug. 4, 2024."
CREDIT = "AP Photo/Amina Salim"
SECOND_CAPTION = "Boats lie damaged on the beach in Nungwi, Zanzibar, Monday, Aug. 5, 2024."
SECOND_CREDIT = "Reuters"
FIRST_PARAGRAPH = "Coast guard boats rescued 14 fishermen off Zanzibar on Sunday after a storm."
SECOND_PARAGRAPH = "Two fishermen remain missing, the regional police commander said."
THIRD_PARAGRAPH = (
    "The government sent a navy ship to search the area.\nFishing was suspended for three days."
)

HEADER = [
    TITLE,
    "",
    f" {CAPTION} ({CREDIT})",
    f"{CAPTION} ({CREDIT})",
    f"{SECOND_CAPTION} ({SECOND_CREDIT})",
    f"{SECOND_CAPTION}   ({SECOND_CREDIT})",
]
ARTICLE = "\n".join(
    [
        *HEADER,
        "TT",
        "",
        *HEADER,
        "",
        FIRST_PARAGRAPH,
        "",
        SECOND_PARAGRAPH,
        "Advertisement",
        THIRD_PARAGRAPH,
    ]
)


def run(text: str, raw: RawDocument | None = None) -> Document:
    return clean(Document(text=text, origin="<test>", raw=raw))


def zone_texts(doc: Document, zone: Zone) -> list[str]:
    return [doc.text[span.start : span.end] for span in doc.spans if span.zone is zone]


def test_title_is_kept_once_and_its_repeat_is_noise() -> None:
    doc = run(ARTICLE)
    assert doc.article is not None
    assert doc.article.title == TITLE
    assert zone_texts(doc, Zone.TITLE) == [TITLE]
    assert zone_texts(doc, Zone.NOISE).count(TITLE) == 1


def test_captions_are_kept_once_without_credit() -> None:
    doc = run(ARTICLE)
    assert doc.article is not None
    assert doc.article.captions == [CAPTION, SECOND_CAPTION]
    assert zone_texts(doc, Zone.CAPTION) == [CAPTION, SECOND_CAPTION]


def test_credits_are_split_out() -> None:
    doc = run(ARTICLE)
    assert doc.article is not None
    assert doc.article.credits == [CREDIT, SECOND_CREDIT]
    assert zone_texts(doc, Zone.CREDIT) == [f"({CREDIT})", f"({SECOND_CREDIT})"]


def test_logo_line_and_boilerplate_are_noise() -> None:
    doc = run(ARTICLE)
    assert doc.article is not None
    noise = zone_texts(doc, Zone.NOISE)
    assert "TT" in noise
    assert "Advertisement" in noise
    kept = [doc.article.title or "", *doc.article.captions, doc.article.body]
    assert not any("TT" in text.split() or "Advertisement" in text for text in kept)


def test_body_starts_at_first_real_paragraph_and_keeps_paragraphs_verbatim() -> None:
    doc = run(ARTICLE)
    assert doc.article is not None
    assert doc.article.body == "\n\n".join([FIRST_PARAGRAPH, SECOND_PARAGRAPH, THIRD_PARAGRAPH])
    assert zone_texts(doc, Zone.BODY) == [FIRST_PARAGRAPH, SECOND_PARAGRAPH, THIRD_PARAGRAPH]


def test_spans_are_ordered_disjoint_and_cover_all_text() -> None:
    doc = run(ARTICLE)
    previous_end = 0
    for span in doc.spans:
        assert previous_end <= span.start < span.end <= len(doc.text)
        assert doc.text[previous_end : span.start].strip() == ""
        previous_end = span.end
    assert doc.text[previous_end:].strip() == ""


def test_published_is_the_latest_caption_date() -> None:
    doc = run(ARTICLE)
    assert doc.article is not None
    assert doc.article.published == date(2024, 8, 5)
    assert doc.article.published_origin is DateOrigin.CAPTION


def test_metadata_date_wins_over_captions() -> None:
    raw = RawDocument(
        text=ARTICLE, origin="<test>", published=date(2024, 8, 6), source="Coast Daily"
    )
    doc = run(ARTICLE, raw)
    assert doc.article is not None
    assert doc.article.published == date(2024, 8, 6)
    assert doc.article.published_origin is DateOrigin.METADATA
    assert doc.article.source == "Coast Daily"


def test_body_date_is_guessed_without_captions() -> None:
    # the article was written no earlier than the newest day it names
    text = "Storm Hits Zanzibar\n\nThe storm struck on Aug. 4, 2024, and again on Aug. 9, 2024."
    doc = run(text)
    assert doc.article is not None
    assert doc.article.published == date(2024, 8, 9)
    assert doc.article.published_origin is DateOrigin.TEXT


def test_guessed_date_is_not_before_a_newer_date_in_the_body() -> None:
    text = (
        "Battle Site Reopens\n\nThe battle was fought on Oct. 3, 1863. The park reopened "
        "on May 2, 2016, after repairs."
    )
    doc = run(text)
    assert doc.article is not None
    assert doc.article.published == date(2016, 5, 2)
    assert doc.article.published_origin is DateOrigin.TEXT


def test_caption_with_wrong_weekday_is_not_trusted() -> None:
    text = "Storm Hits Zanzibar\n\nBoats lie on the beach, Friday, Aug. 4, 2024. (AP)\n\nBody."
    doc = run(text)
    assert doc.article is not None
    assert doc.article.captions == ["Boats lie on the beach, Friday, Aug. 4, 2024."]
    assert doc.article.published is None
    assert doc.article.published_origin is None


def test_source_title_is_used_when_the_text_does_not_start_with_it() -> None:
    raw = RawDocument(text=FIRST_PARAGRAPH, origin="<test>", title="Storm Rescue")
    doc = run(FIRST_PARAGRAPH, raw)
    assert doc.article is not None
    assert doc.article.title == "Storm Rescue"
    assert doc.article.body == FIRST_PARAGRAPH


def test_first_line_equal_to_source_title_is_the_title() -> None:
    text = "Storm rescue.\n" + FIRST_PARAGRAPH
    doc = run(text, RawDocument(text=text, origin="<test>", title="Storm rescue."))
    assert zone_texts(doc, Zone.TITLE) == ["Storm rescue."]
    assert doc.article is not None and doc.article.body == FIRST_PARAGRAPH


def test_one_line_text_is_all_body() -> None:
    doc = run(FIRST_PARAGRAPH)
    assert doc.article is not None
    assert doc.article.title is None
    assert doc.article.body == FIRST_PARAGRAPH
    assert [(s.start, s.end, s.zone) for s in doc.spans] == [(0, len(FIRST_PARAGRAPH), Zone.BODY)]
    assert (doc.article.source, doc.article.url) == (None, None)


def test_headline_without_blank_line_or_repeat_is_body() -> None:
    text = "Fishermen Rescued Off Zanzibar\n" + FIRST_PARAGRAPH
    doc = run(text)
    assert doc.article is not None
    assert doc.article.title is None
    assert doc.article.body == text


def test_agency_tag_ending_a_body_paragraph_stays_body() -> None:
    tagged = "The ministry confirmed the figures on Monday. (AFP)"
    doc = run("\n\n".join([TITLE, FIRST_PARAGRAPH, tagged]))
    assert doc.article is not None
    assert doc.article.captions == []
    assert doc.article.body.endswith(tagged)


def test_photo_caption_inside_the_body_is_a_caption() -> None:
    caption = "A rescued fisherman rests in hospital. (Photo: Juma Said)"
    doc = run("\n\n".join([TITLE, FIRST_PARAGRAPH, caption, SECOND_PARAGRAPH]))
    assert doc.article is not None
    assert doc.article.captions == ["A rescued fisherman rests in hospital."]
    assert doc.article.credits == ["Photo: Juma Said"]
    assert doc.article.body == f"{FIRST_PARAGRAPH}\n\n{SECOND_PARAGRAPH}"


@pytest.mark.parametrize("text", ["", "  \n "])
def test_empty_text_has_an_empty_article(text: str) -> None:
    doc = run(text)
    assert doc.spans == []
    assert doc.article is not None
    assert (doc.article.title, doc.article.body) == (None, "")


def test_analyze_layout_uses_only_the_text() -> None:
    layout = analyze_layout(ARTICLE)
    assert layout.title == TITLE
    assert len(layout.paragraphs) == 3
