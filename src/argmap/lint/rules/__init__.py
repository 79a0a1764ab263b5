"""One module per rule. The examples in their docstrings quote ``sources/article.txt``, whose
text is given in ``argmap.lint.rules.EXAMPLE_ARTICLE`` (the tests write it beside them)."""

EXAMPLE_ARTICLE = (
    "The Montebello Moment\n"
    "\n"
    "The exclusion of the U.S. Congress from an active role in the SPP is legally defensible,\n"
    "but politically poisonous for the SPP.\n"
    "\n"
    "The SPP manages the asymmetry among the three countries well by moving discussions to a\n"
    "technical level.\n"
    "\n"
    "Whatever its critics say, the SPP is not a threat to the sovereignty of any of the three.\n"
)
