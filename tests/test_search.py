"""One search over everything: stemming on PostgreSQL, safe with any input."""

import hypothesis
import pytest
from hypothesis import strategies as st

from committees.models import Committee
from committees.tests.factories import make_earlier_committee
from helpers.text import highlight, simple_stem, words_of
from lir_portal.search import search
from municipalities.models import Municipality
from statements.models import Paper, Statement, Topic
from statements.tests.factories import make_paper, make_statement

pytestmark = pytest.mark.django_db

URL = "/de/stellungnahmen/suche/"


def group(response, key):
    return next((g for g in response.context["groups"] if g.key == key), None)


MODELS = {
    "statements": Statement,
    "papers": Paper,
    "topics": Topic,
    "committees": Committee,
    "municipalities": Municipality,
}


def shown(response, key):
    """The rows of a group's results, in their order."""
    return [MODELS[key].objects.get(pk=result.pk) for result in group(response, key).results]


def test_a_reference_goes_straight_to_the_paper(client):
    for text in ["17/1356", "Drs. 17/1356", "17 / 1356", "Drucksache 17/1356"]:
        response = client.get(URL, {"q": text})
        assert response.status_code == 302
        assert response["Location"] == "/de/stellungnahmen/drucksachen/17-1356/"


def test_an_unknown_reference_says_so_and_links_the_archive(client):
    response = client.get(URL, {"q": "17/99999"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "MMD17-99999.pdf" in html
    assert response.context["reference_message"]


def test_results_are_grouped_by_kind_with_highlights(client):
    response = client.get(URL, {"q": "Migrantenselbstorganisationen"})
    statements = shown(response, "statements")
    assert [s.slug for s in statements] == ["qualifizierung-migrantenselbstorganisationen"]
    assert [p.reference for p in shown(response, "papers")] == ["17/2157"]
    html = response.content.decode()
    assert "<mark>Migrantenselbstorganisationen</mark>" in html


def test_a_part_of_a_compound_word_finds_the_compound(client):
    response = client.get(URL, {"q": "Selbstorganisationen"})
    assert group(response, "statements").count == 1
    assert "<mark>Migrantenselbstorganisationen</mark>" in response.content.decode()


def test_committees_and_municipalities_are_found_by_name(client):
    response = client.get(URL, {"q": "Hiddenhausen"})
    assert [c.official_name for c in shown(response, "committees")] == [
        "Ausschuss für Chancengerechtigkeit und Integration der Gemeinde Hiddenhausen"
    ]
    assert [m.name for m in shown(response, "municipalities")] == ["Hiddenhausen"]
    assert 'href="/de/ausschuesse/hiddenhausen/"' in response.content.decode()


def test_a_former_committee_name_finds_the_committee(client):
    from municipalities.models import Municipality

    response = client.get(URL, {"q": "Integrationsrat Hiddenhausen"})
    assert group(response, "committees") is None
    make_earlier_committee(Municipality.objects.get(name="Hiddenhausen"))
    response = client.get(URL, {"q": "Integrationsrat Hiddenhausen"})
    assert group(response, "committees").count == 1


def test_topics_are_found_in_every_language(client):
    response = client.get("/en/stellungnahmen/suche/", {"q": "sports clubs"})
    assert [t.slug for t in shown(response, "topics")] == ["sportvereine"]
    response = client.get(URL, {"q": "Mehrsprachigkeit"})
    assert [t.slug for t in shown(response, "topics")] == ["mehrsprachigkeit"]


def test_ranking_puts_title_matches_first(client):
    topic = Topic.objects.get(slug="flucht")
    body_only = make_statement(
        title="Zur Lage in den Kommunen", body="<p>Am Rande geht es auch um Sprachkurse.</p>"
    )
    in_title = make_statement(title="Sprachkurse für alle", summary="Sprachkurse ausbauen")
    in_title.topics.add(topic)
    results = shown(client.get(URL, {"q": "Sprachkurse"}), "statements")
    assert results.index(in_title) < results.index(body_only)


def test_the_best_match_wins_however_old_it_is(client):
    best = make_statement(title="Sprachkurse für alle", summary="Sprachkurse ausbauen")
    for number in range(31):
        make_statement(
            title=f"Bericht {number}", body="<p>Am Rande geht es auch um Sprachkurse.</p>"
        )
    response = client.get(URL, {"q": "Sprachkurse"})
    assert group(response, "statements").count == 32
    statements = shown(response, "statements")
    assert len(statements) == 10
    assert statements[0] == best


@pytest.mark.parametrize(
    "text",
    [
        '"Integration',
        'Integration" OR 1=1 --',
        "'; DROP TABLE statements_statement; --",
        "a & b | !c <-> d:*",
        "Integration AND NOT Rat",
        "😀🇩🇪 Integration 🙂",
        "\\x00\\u0000 %_ %% _",
        "(((((",
        "-",
        "x" * 200,
        "Ä ö ü ß ﷽ 日本語",
    ],
)
def test_odd_search_input_never_breaks(client, text):
    response = client.get(URL, {"q": text})
    assert response.status_code == 200
    assert "<script" not in response.content.decode().split("<main", 1)[1]


def test_a_very_long_search_is_refused_with_a_message(client):
    response = client.get("/en/stellungnahmen/suche/", {"q": "Integration " * 1000})
    assert response.status_code == 400
    html = response.content.decode()
    assert "at most 200 characters" in html
    assert 'aria-invalid="true"' in html


def test_an_empty_search_asks_for_words(client):
    response = client.get(URL, {"q": "   "})
    assert "Geben Sie ein, wonach Sie suchen." in response.content.decode()


def test_the_search_echoes_input_escaped(client):
    response = client.get(URL, {"q": "<script>alert(1)</script> Integration"})
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_highlight_escapes_the_text():
    snippet = highlight("<b>Integrationsrat</b> & mehr", ["Integrationsräte"])
    assert snippet == "&lt;b&gt;<mark>Integrationsrat</mark>&lt;/b&gt; &amp; mehr"


def test_highlight_marks_the_right_words_after_letters_that_fold_to_two():
    # 'İ' folds to 'i' and a combining dot, which is no word character.
    snippet = highlight("İzmir ve Köln: Integrationsrat İstanbul", ["Integrationsräte", "köln"])
    assert snippet == "İzmir ve <mark>Köln</mark>: <mark>Integrationsrat</mark> İstanbul"


SNIPPET_WORDS = ["Integrationsrat", "Straße", "İzmir", "Köln", "und", "groß", "Rat", "Räte"]


@hypothesis.settings(max_examples=1000, deadline=None)
@hypothesis.given(
    pieces=st.lists(
        st.sampled_from(SNIPPET_WORDS) | st.sampled_from([" ", ", ", "\n", " – ", "  ", "ß"]),
        max_size=400,
    ),
    words=st.lists(st.sampled_from(["Integrationsräte", "Köln", "Straßen", "groß", "Istanbul"])),
    length=st.sampled_from([1, 2, 6]),
    window=st.sampled_from([5, 12, 40]),
)
# A match that the first cut split in two (folding made the text longer).
@hypothesis.example(
    pieces=["Straße", " ", "Integrationsrat", "Integrationsrat"],
    words=["Integrationsräte"],
    length=1,
    window=12,
)
def test_a_long_text_gives_the_snippet_its_whole_text_gives(pieces, words, length, window):
    """Only the characters around the first match are split into words (window);
    the snippet is the one the whole text gives, wherever the cut falls."""
    text = "".join(pieces)
    assert highlight(text, words, length, window) == highlight(text, words, length, window=None)


def test_words_are_letters_and_digits_only():
    assert words_of("\"Integration\" OR 'Rat'; -- 😀") == ["Integration", "OR", "Rat"]
    assert len(words_of("a b c d e f g h i j k")) == 8


def test_the_simple_stemmer_folds_umlauts_and_endings():
    assert simple_stem("Integrationsräte") == "integrationsrat"
    assert simple_stem("Selbstorganisationen") == "selbstorganisation"


def test_the_simple_search_finds_plural_and_singular(client):
    paper = make_paper(title="Die Integrationsräte stärken")
    results = {g.key: g for g in search("Integrationsrat")}["papers"].results
    found = next(result for result in results if result.pk == paper.pk)
    assert "Die <mark>Integrationsräte</mark> stärken" in found.html


# --- PostgreSQL: German full-text search -------------------------------------------------


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("title", "query"),
    [
        ("Der Integrationsrat der Stadt", "Integrationsräte"),
        ("Die Integrationsräte in NRW", "Integrationsrat"),
        ("Förderung der Mehrsprachigkeit", "mehrsprachig"),
        ("Beratung von Geflüchteten", "Geflüchtete"),
        ("Wahlrecht für Drittstaatsangehörige", "Drittstaatsangehöriger"),
        ("Stärkung der Migrantenselbstorganisationen", "Selbstorganisationen"),
        ("Qualifizierung von Vereinen", "Qualifizierungen"),
    ],
)
def test_german_stemming_on_postgresql(title, query):
    statement = make_statement(title=title, summary="Text")
    groups = {g.key: g for g in search(query)}
    assert statement.pk in [result.pk for result in groups["statements"].results]


@pytest.mark.postgres
def test_the_full_text_index_exists_on_postgresql():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'statements_statement_search_gin'"
        )
        (definition,) = cursor.fetchone()
    assert "gin" in definition.lower() and "search_vector" in definition


@pytest.mark.postgres
def test_the_search_vector_is_filled_on_postgresql():
    statement = make_statement(title="Integrationsräte stärken")
    statement.refresh_from_db()
    assert "integrationsrat" in str(statement.search_vector)


@pytest.mark.postgres
def test_ranking_by_full_text_on_postgresql():
    weak = make_statement(title="Allgemeines", body="<p>Die Integrationsräte erwähnt.</p>")
    strong = make_statement(title="Integrationsräte stärken", summary="Integrationsräte")
    results = {g.key: g for g in search("Integrationsrat")}["statements"].results
    pks = [result.pk for result in results]
    assert pks.index(strong.pk) < pks.index(weak.pk)


@pytest.mark.postgres
def test_the_search_can_use_its_indexes_on_postgresql():
    """With sequential scans discouraged, the planner answers from the GIN indexes."""
    from django.db import connection

    from statements.models import Statement
    from statements.search import _word_condition

    queryset = Statement.objects.filter(_word_condition("Integrationsräte"))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "statements_statement_search_gin" in plan
    assert "statements_statement_text_trgm" in plan


def result_keys(groups):
    return {g.key: (g.count, [item.pk for item in g.results]) for g in groups}


@pytest.mark.page_cache
@pytest.mark.parametrize("text", ["Integration Köln", "Migrantenselbstorganisationen", "der Rat"])
def test_words_kept_in_the_cache_give_the_same_results(text):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    fresh = result_keys(search(text))
    with CaptureQueriesContext(connection) as first:
        assert result_keys(search(text, version=4711)) == fresh
    # The second time only the rows shown are read, not what each word matches.
    with CaptureQueriesContext(connection) as second:
        assert result_keys(search(text, version=4711)) == fresh
    assert len(second.captured_queries) < len(first.captured_queries)


@pytest.mark.page_cache
def test_a_search_is_not_stored_whole_but_revalidated(client):
    first = client.get(URL, {"q": "Köln"})
    again = client.get(URL, {"q": "Köln"})
    assert first["X-Page-Cache"] == again["X-Page-Cache"] == "miss"
    assert again.content == first.content
    unchanged = client.get(URL, {"q": "Köln"}, headers={"If-None-Match": again["ETag"]})
    assert unchanged.status_code == 304
    # The search form without a query is a page like the others.
    client.get(URL)
    assert client.get(URL)["X-Page-Cache"] == "hit"


@pytest.mark.page_cache
def test_a_new_statement_is_found_at_once(client):
    def found():
        response = client.get(URL, {"q": "Sprachkurse Ehrenamt"})
        assert response.status_code == 200
        return "Sprachkurse im Ehrenamt" in response.content.decode()

    assert not found()
    assert not found()
    make_statement(title="Sprachkurse im Ehrenamt")
    assert found()


@pytest.mark.page_cache
def test_an_edited_result_shows_its_new_text_at_once(client):
    statement = make_statement(title="Lotsenprojekte an Schulen", summary="Paten helfen.")
    topic = Topic.objects.create(name="Lotsenprojekte", slug="lotsen", description="Paten")
    html = client.get(URL, {"q": "Lotsenprojekte"}).content.decode()
    assert "Lotsenprojekte an Schulen" in html and "Paten helfen." in html
    statement.title = "Lotsenprojekte in Kitas"
    statement.summary = "Lotsen begleiten Familien."
    statement.save()
    topic.description = "Lotsen und Paten"
    topic.save()
    # Another search that finds the same rows: none of them is shown as it was.
    html = client.get(URL, {"q": "Lotsenprojekte Lotsen"}).content.decode()
    assert "Lotsenprojekte in Kitas" in html and "Lotsenprojekte an Schulen" not in html
    assert "<mark>Lotsen</mark> begleiten Familien." in html
    assert "<mark>Lotsen</mark> und Paten" in html


def lotsen_statement():
    topic = Topic.objects.create(name="Lotsen", slug="lotsen", description="Lotsen helfen")
    paper = make_paper(title="Lotsenprogramm für Schulen")
    return make_statement(
        title="Lotsen an Schulen",
        summary="Lotsen begleiten <Kinder> & Eltern.",
        topics=[topic],
        papers=[paper],
    )


@pytest.mark.page_cache
def test_results_from_the_cache_read_as_results_written_fresh(client):
    lotsen_statement()

    def results(**extra):
        html = client.get(URL, {"q": "Lotsen", **extra}).content.decode()
        return html[html.index('<section class="result-group"') : html.rindex("</section>")]

    fresh = results(n="1")
    assert "<mark>Lotsen</mark> begleiten &lt;Kinder&gt; &amp; Eltern." in fresh
    assert "<!--" not in fresh
    # Another address: the page is new, its statement and paper come from the cache.
    assert results(n="2") == fresh


@pytest.mark.page_cache
@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("version", [None, 4711])
def test_a_result_is_its_list_template_with_its_snippet(language, version):
    """Written fresh (no version) and read from the cache, in German and Arabic."""
    from django.template.loader import render_to_string
    from django.utils import translation

    lotsen_statement()
    with translation.override(language):
        search("Lotsen", version=version)  # writes the results it keeps
        groups = {group.key: group for group in search("Lotsen", version=version)}
        statement = Statement.objects.for_list().get(pk=groups["statements"].results[0].pk)
        paper = Paper.objects.for_index().get(pk=groups["papers"].results[0].pk)
        assert groups["statements"].results[0].html == render_to_string(
            "statements/includes/statement_item.html",
            {"statement": statement, "snippet": highlight(statement.summary, ["Lotsen"])},
        )
        assert groups["papers"].results[0].html == render_to_string(
            "statements/includes/paper_item.html",
            {"paper": paper, "snippet": highlight(paper.summary or paper.title, ["Lotsen"])},
        )


def test_the_snippet_comes_from_the_summary_or_else_the_body(client):
    make_statement(title="Erste", summary="Über Lotsenprojekte", body="<p>Nichts weiter.</p>")
    make_statement(title="Zweite", summary="Allgemeines", body="<p>Auch Lotsenprojekte hier.</p>")
    html = client.get(URL, {"q": "Lotsenprojekte"}).content.decode()
    assert "Über <mark>Lotsenprojekte</mark>" in html
    assert "Auch <mark>Lotsenprojekte</mark> hier" in html
