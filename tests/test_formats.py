"""HTML and Markdown sources become plain article text, a paragraph a line, with title and date."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tui.formats import Extracted
from tui.formats.html import extract_html, looks_like_html
from tui.formats.markdown import extract_markdown, looks_like_markdown

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "kazakhstan-unrest-2022-scraped.txt"

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Floods close river ports | The Daily Example</title>
  <meta property="og:title" content="River ports shut as floods rise">
  <meta property="article:published_time" content="2022-01-06T09:30:00Z">
  <style>body { font-family: serif; } .hidden-style-marker { color: red; }</style>
  <script>window.tracker = "TRACKING-CODE";</script>
</head>
<body>
  <header><nav><ul>
    <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/subscribe">Subscribe now</a></li>
  </ul></nav></header>
  <main><article>
    <h1>Floods close river ports</h1>
    <p>Heavy rain closed three river ports on Thursday, the transport ministry said, after
    water levels rose faster than forecasters had expected during the night.</p>
    <p>Barges carrying grain and coal were held upstream while engineers inspected the locks,
    and officials said the ports could reopen early next week if the rain eased.</p>
    <script>document.write("INLINE-SCRIPT-TEXT");</script>
    <p>Farmers &amp; traders warned that a longer closure would delay exports at the
    busiest time of the year &mdash; and push up prices at home.</p>
  </article></main>
  <footer><p>&copy; 2022 The Daily Example. All rights reserved.</p>
  <a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></footer>
</body>
</html>"""

INDEX_PAGE = """<html><head><title>Site index</title></head>
<body><nav><ul><li><a href="/a">Archive</a></li><li><a href="/b">Contact us</a></li></ul></nav>
</body></html>"""


def page_without_og_title() -> str:
    return ARTICLE_PAGE.replace(
        '<meta property="og:title" content="River ports shut as floods rise">', ""
    )


# HTML extraction


def test_html_title_comes_from_og_title():
    assert extract_html(ARTICLE_PAGE).title == "River ports shut as floods rise"


def test_html_title_falls_back_to_the_title_element_without_the_site_name():
    assert extract_html(page_without_og_title()).title == "Floods close river ports"


def test_html_date_comes_from_the_publication_metadata():
    assert extract_html(ARTICLE_PAGE).date == date(2022, 1, 6)


def test_html_without_date_metadata_has_no_date_even_with_a_copyright_year():
    undated = ARTICLE_PAGE.replace(
        '<meta property="article:published_time" content="2022-01-06T09:30:00Z">', ""
    )
    assert extract_html(undated).date is None


def test_html_text_has_the_article_paragraphs_one_a_line():
    lines = extract_html(ARTICLE_PAGE).text.split("\n")
    assert any(line.startswith("Heavy rain closed three river ports") for line in lines)
    assert any(line.endswith("if the rain eased.") for line in lines)
    assert all(line.strip() == line and line for line in lines)


def test_html_paragraph_wrapped_in_the_source_is_joined_into_one_line():
    text = extract_html(ARTICLE_PAGE).text
    assert "after water levels rose faster" in text


def test_html_scripts_and_styles_are_dropped():
    text = extract_html(ARTICLE_PAGE).text
    for marker in ("TRACKING-CODE", "INLINE-SCRIPT-TEXT", "font-family", "hidden-style-marker"):
        assert marker not in text


def test_html_navigation_and_footer_are_dropped():
    text = extract_html(ARTICLE_PAGE).text
    for boilerplate in ("Subscribe now", "Privacy policy", "Cookie settings", "All rights"):
        assert boilerplate not in text


def test_html_entities_are_decoded():
    text = extract_html(ARTICLE_PAGE).text
    assert "Farmers & traders" in text
    assert "the year — and push up prices" in text
    assert "&amp;" not in text


def test_html_page_without_an_article_falls_back_to_its_body_text():
    extracted = extract_html(INDEX_PAGE)
    assert extracted.text == "Archive\nContact us"
    assert extracted.title == "Site index"


def test_html_fallback_folds_line_breaks_inside_a_paragraph():
    page = "<html><body><p>one\n  two</p><p>three</p></body></html>"
    assert extract_html(page).text == "one two\nthree"


def test_html_fallback_drops_scripts_and_styles():
    page = "<html><body><script>var x = 1;</script><style>p {}</style><p>Hi</p></body></html>"
    assert extract_html(page).text == "Hi"


def test_html_page_with_too_many_tags_for_trafilatura_is_still_rendered():
    page = "<html><head><title>Long</title></head><body><div>" + "<span>w</span>" * 30_000
    extracted = extract_html(page + "</div></body></html>")
    assert extracted.title == "Long"
    assert extracted.text == "w" * 30_000


def test_html_nested_beyond_the_parser_depth_keeps_its_text():
    page = "<div>" * 5000 + "deep words" + "</div>" * 5000
    assert extract_html(page).text == "deep words"


@pytest.mark.parametrize(
    "markup",
    [
        "",
        "   \n ",
        "plain words",
        "<<<>>>&&&;;",
        "\x00\x01\x02",
        "\ud800 lone surrogate",
        "<script>alert(1)</script>",
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>x</p></body></html>',
        "<html><body><p>unclosed <b>tags <i>everywhere",
        "<table>" * 3000,
    ],
)
def test_html_extraction_never_raises(markup):
    extracted = extract_html(markup)
    assert isinstance(extracted, Extracted)
    assert isinstance(extracted.text, str)


def test_importing_the_html_module_does_not_import_trafilatura():
    code = "import sys, tui.formats.html; print('trafilatura' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# HTML detection


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><title>x</title>",
        "\n  <!doctype HTML>\n<html>",
        "<html><body>hello</body></html>",
        '<?xml version="1.0"?>\n<!DOCTYPE html>',
        "<div class='story'><p>One.</p><p>Two.</p></div>",
    ],
)
def test_html_is_recognised_by_content(text):
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Tuesday.\nIt voted to close the library.",
        "Editors asked why the headline used <b> for emphasis instead of italics.",
        "Scores: 3 < 5 and 7 > 2, said the report.",
        "Wrap each paragraph in <p> and </p> tags, the style guide says.",
        "# Heading\n\nSome *markdown* text with a [link](http://example.com).",
    ],
)
def test_text_that_is_not_html_is_not_taken_for_html(text):
    assert not looks_like_html(text)


# Markdown extraction


def test_markdown_emphasis_markers_are_dropped():
    assert extract_markdown("Some *very* **bold** _claims_ ~~here~~.").text == (
        "Some very bold claims here."
    )


def test_markdown_links_keep_their_text_and_lose_their_url():
    text = extract_markdown("Read [the report](https://example.com/r.pdf) today.").text
    assert text == "Read the report today."


def test_markdown_images_become_their_alt_text():
    assert extract_markdown("![A flooded port](port.jpg)\n\nText.").text == (
        "A flooded port\nText."
    )


def test_markdown_code_fences_keep_their_code():
    assert extract_markdown("Before.\n\n```python\nx = 1\n```\n\nAfter.").text == (
        "Before.\nx = 1\nAfter."
    )


def test_markdown_list_items_are_one_a_line():
    assert extract_markdown("Items:\n\n- grain\n- coal\n1. first\n2. second").text == (
        "Items:\ngrain\ncoal\nfirst\nsecond"
    )


def test_markdown_block_quotes_become_their_text():
    assert extract_markdown("> We will reopen,\n> she said.").text == "We will reopen, she said."


def test_markdown_table_rows_join_their_cells_with_spaces():
    table = "| Port | Status |\n|---|---|\n| Riga | closed |\n| Ventspils | open |"
    assert extract_markdown(table).text == "Port Status\nRiga closed\nVentspils open"


def test_markdown_headings_are_their_own_paragraphs():
    text = extract_markdown("Intro line.\n## Background\nMore text.").text
    assert text == "Intro line.\nBackground\nMore text."


def test_markdown_first_h1_is_the_title_and_the_first_paragraph():
    extracted = extract_markdown("# Floods *close* ports\n\nBody.\n\n# Second heading")
    assert extracted.title == "Floods close ports"
    assert extracted.text.split("\n")[0] == "Floods close ports"


def test_markdown_without_h1_has_no_title():
    assert extract_markdown("## Section\n\nBody.").title is None


def test_markdown_front_matter_is_dropped_and_gives_title_and_date():
    source = '---\ntitle: "Ports reopen"\ndate: 2022-01-10\ntags: [floods]\n---\n\nBody text.'
    extracted = extract_markdown(source)
    assert extracted.text == "Body text."
    assert extracted.title == "Ports reopen"
    assert extracted.date == date(2022, 1, 10)


def test_markdown_entities_are_decoded():
    assert extract_markdown("Farmers &amp; traders &mdash; all").text == "Farmers & traders — all"


def test_markdown_inline_html_tags_are_dropped():
    assert extract_markdown("A <b>bold</b> word.").text == "A bold word."


@pytest.mark.parametrize(
    "markup",
    ["", "\n\n", "[" * 2000, ">" * 2000, "*" * 2000, "---\n", "```", "\x00\ud800", "|a|\n|-"],
)
def test_markdown_extraction_never_raises(markup):
    assert isinstance(extract_markdown(markup).text, str)


# Markdown detection


@pytest.mark.parametrize(
    "text",
    [
        "# Title\n\nIntro.\n\n## Section\n\nBody.",
        "# Title\n\n- one point\n- another point",
        "See [this](http://a.example) and [that](http://b.example).",
        "---\ntitle: Ports\n---\nBody.",
        "Code:\n\n```\nprint(1)\n```\n",
        "Some **bold** claims and a [source](https://example.com/s).",
    ],
)
def test_markdown_is_recognised_by_content(text):
    assert looks_like_markdown(text)


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Tuesday.\nIt voted to close the library.",
        "Officials were *very* clear about it, the minister said.",
        "The plan has three steps.\n1. Close the ports.\n2. Inspect the locks.",
        "Supporters posted #FloodRelief messages and C# developers joined in.",
        "---\nA scene break above and below.\n---\nNote: the story goes on.",
    ],
)
def test_prose_is_not_taken_for_markdown(text):
    assert not looks_like_markdown(text)


def test_bundled_scraped_sample_is_not_taken_for_markup():
    text = SAMPLE.read_text(encoding="utf-8")
    assert not looks_like_markdown(text)
    assert not looks_like_html(text)
