"""Negations in French, German, Spanish, Italian, Portuguese and Dutch, as in English: an
omission or insertion may not drop or add one (AM001), a quote that starts right after one is
warned about (AM014), and a claim and its denial are no duplicates (AM007). One table of words
(:mod:`argmap.verify.negations`) serves every text, whatever its language."""

from __future__ import annotations

import pytest

from argmap.argument_map import ArgumentMap, Claim, Origin
from argmap.lint.context import LintConfig, LintContext
from argmap.lint.rules import am007_near_duplicate_claims as am007
from argmap.verify import Status, verify_quote
from argmap.verify.negations import NEGATING_WORD, NEGATING_WORDS
from argmap.verify.quote import negation_count
from argmap.verify.text import build_source_text


def _check(source: str, quote: str):  # type: ignore[no-untyped-def]
    return verify_quote(quote, build_source_text("s", "text", [source]))


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Le conseil n'a pas approuvé le plan.", 1),
        ("Le conseil n'a jamais approuvé le plan.", 1),
        ("Il ne reste rien.", 1),
        ("Aucun plan ne fonctionne.", 1),
        ("Non, le plan a échoué.", 1),
        ("Ils ne sont plus là.", 1),  # ne … plus
        ("Ils n'en veulent plus.", 1),
        ("Ils veulent plus de temps.", 0),  # plus alone is more
        ("Der Rat hat den Plan nicht gebilligt.", 1),
        ("Kein Plan funktioniert.", 1),
        ("Es gibt keine Einigung.", 1),
        ("Das geschieht nie.", 1),
        ("Das geschieht niemals.", 1),
        ("El consejo no aprobó el plan.", 1),
        ("Nunca lo aprobó.", 1),
        ("Jamás lo aprobó.", 1),
        ("Ningún plan funciona.", 1),
        ("Ninguna ley lo prohíbe.", 1),
        ("Il consiglio non ha approvato il piano.", 1),
        ("Non l'ha mai approvato.", 2),
        ("Nessuno l'ha approvato.", 1),
        ("O conselho não aprovou o plano.", 1),
        ("Nunca o aprovou.", 1),
        ("Nenhum plano funciona.", 1),
        ("De raad heeft het plan niet goedgekeurd.", 1),
        ("Er is geen akkoord.", 1),
        ("Dat gebeurt nooit.", 1),
        ("The council approved the plan.", 0),
        ("The council did not approve the plan.", 1),
        ("It is a plus for the team, a non-starter for none.", 2),  # non- negates too
    ],
)
def test_negation_count(text: str, count: int) -> None:
    assert negation_count(text) == count


@pytest.mark.parametrize(
    ("source", "quote"),
    [
        ("Le conseil n'a pas approuvé le plan.", "Le conseil n'a ... approuvé le plan"),
        ("Le conseil a jamais approuvé le plan.", "Le conseil a ... approuvé le plan"),
        ("Ils ne sont plus là.", "Ils ne sont ... là"),
        ("Der Rat hat den Plan nicht gebilligt.", "Der Rat hat den Plan ... gebilligt"),
        ("Der Rat hat den Plan nie gebilligt.", "Der Rat hat den Plan [gestern] gebilligt"),
        ("El consejo no aprobó el plan.", "El consejo ... aprobó el plan"),
        ("El consejo nunca aprobó el plan.", "El consejo [ayer] aprobó el plan"),
        ("Il consiglio non ha approvato il piano.", "Il consiglio ... ha approvato il piano"),
        ("Il consiglio ha mai approvato il piano.", "Il consiglio ha ... approvato il piano"),
        ("O conselho não aprovou o plano.", "O conselho ... aprovou o plano"),
        ("De raad heeft het plan niet goedgekeurd.", "De raad heeft het plan ... goedgekeurd"),
        ("De raad heeft het plan goedgekeurd.", "De raad heeft het plan [niet] goedgekeurd"),
        ("Der Plan ist gescheitert.", "Der Plan ist [nicht] gescheitert"),
        ("El plan fracasó.", "El plan [no] fracasó"),
    ],
)
def test_an_edit_may_not_drop_or_add_a_negation(source: str, quote: str) -> None:
    check = _check(source, quote)
    assert check.status in (Status.PARAPHRASE, Status.NOT_FOUND), check
    assert check.negation


@pytest.mark.parametrize(
    ("source", "quote", "word"),
    [
        ("Le conseil n'a jamais approuvé le plan.", "approuvé le plan", "jamais"),
        ("Ils ne sont plus là-bas.", "là-bas", "plus"),
        ("Es gibt keine Einigung.", "Einigung", "keine"),
        ("Der Rat hat niemals zugestimmt.", "zugestimmt", "niemals"),
        ("El consejo nunca aprobó el plan.", "aprobó el plan", "nunca"),
        ("Il consiglio non approvò il piano.", "approvò il piano", "non"),
        ("O conselho não aprovou o plano.", "aprovou o plano", "não"),
        ("Er is geen akkoord bereikt.", "akkoord bereikt", "geen"),
        ("Ils veulent plus de temps.", "de temps", None),  # plus without ne: more
    ],
)
def test_a_quote_right_after_a_negation_is_named(source: str, quote: str, word: str) -> None:
    check = _check(source, quote)
    assert check.status is Status.VERIFIED, check
    assert check.negated_before == word


def _duplicates(texts: list[str]) -> list[str]:
    claims = {f"c{i}": Claim(f"c{i}", t, Origin("m.yaml", i + 1, 3)) for i, t in enumerate(texts)}
    ctx = LintContext(ArgumentMap(path="m.yaml", title="m", claims=claims), LintConfig())
    return [finding.message for finding in am007.check(ctx)]


@pytest.mark.parametrize(
    "pair",
    [
        ["La censure est injuste en principe.", "La censure n'est pas injuste en principe."],
        ["Zensur ist im Prinzip falsch.", "Zensur ist im Prinzip nicht falsch."],
        ["La censura es injusta en principio.", "La censura no es injusta en principio."],
        ["La censura è sbagliata in principio.", "La censura non è sbagliata in principio."],
        ["A censura é errada em princípio.", "A censura não é errada em princípio."],
        ["Censuur is in principe verkeerd.", "Censuur is in principe niet verkeerd."],
    ],
)
def test_a_claim_and_its_denial_are_no_duplicates_in_other_languages(pair: list[str]) -> None:
    assert _duplicates(pair) == []
    assert _duplicates([pair[0], pair[0] + "!"]) == ["claim 'c1' repeats claim 'c0' (100% similar)"]


def test_the_table_has_each_language_asked_for() -> None:
    assert {"en", "fr", "de", "es", "it", "pt", "nl"} <= set(NEGATING_WORDS)


def test_every_word_of_the_table_negates_and_no_other() -> None:
    words = {word for table in NEGATING_WORDS.values() for word in table}
    assert all(NEGATING_WORD.fullmatch(word) for word in words)
    assert all(NEGATING_WORD.fullmatch(word.upper()) for word in words)
    near = ["nonce", "neve", "nieto", "keinx", "kei", "n", "pa", "plus", "mais", "ne", "nada_"]
    assert [word for word in near if NEGATING_WORD.fullmatch(word)] == []
