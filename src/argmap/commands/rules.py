"""``argmap rules`` and ``argmap explain``: the rule reference on the terminal."""

from __future__ import annotations

import sys

import click

from argmap.commands.common import EXIT_ERROR, say
from argmap.lint.docs import closest_name, rules_markdown, rules_table
from argmap.lint.docs import explain as explain_code


@click.command()
@click.argument("code", required=False)
@click.option("--markdown", is_flag=True, help="Print the whole reference as Markdown.")
def rules(code: str | None, markdown: bool) -> None:
    """List the lint rules, or explain one (by code or name).

    Exit status: 0 listed or explained, 2 an unknown code or rule name.

    \b
    Examples:
      argmap rules
      argmap rules AM001
      argmap rules --markdown > docs/rules.md
    """
    if markdown:
        click.echo(rules_markdown(), nl=False)
    elif code is None:
        click.echo(rules_table(), nl=False)
    else:
        _explain(code)


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Explain a diagnostic code (a rule like AM002 or a stage code like AM201).

    Exit status: 0 explained, 2 an unknown code or rule name.

    \b
    Examples:
      argmap explain AM201
      argmap explain unsupported-claim
    """
    _explain(code)


def _explain(code: str) -> None:
    text = explain_code(code)
    if text is None:
        close = closest_name(code)
        hint = (
            f"; did you mean '{close}'?"
            if close
            else "; 'argmap rules' lists the rules, 'argmap rules --markdown' every code"
        )
        say(f"argmap: unknown code or rule name '{code}'{hint}")
        sys.exit(EXIT_ERROR)
    click.echo(text, nl=False)
