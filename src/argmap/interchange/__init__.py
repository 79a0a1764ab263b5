"""Interchange: argmap maps in and out of other tools' formats.

* ``importing``: the front door of ``argmap import`` (read, recognise, import, validate);
* ``argdown/``: Argdown, in (lexer -> inline -> parser -> to_map) and out (export);
* ``aif/``: AIF JSON (AIFdb, OVA), in and out;
* ``kialo``: Kialo's text export, in;
* ``json_export``, ``claimreview``: the resolved map with verdicts, and schema.org
  ClaimReview JSON-LD, out;
* ``draft``, ``yamlout``, ``text``, ``jsontext``, ``limits``, ``codes``: what the importers
  share: the map under construction, its YAML, slugs, safe JSON, limits, ``AM4xx`` codes.

Importers are pure functions over text; files are read and written only by the commands.
See docs/interchange.md.
"""
