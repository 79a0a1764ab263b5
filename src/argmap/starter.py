"""The starter map written by ``argmap init``: commented, small, and valid as written."""

from __future__ import annotations

STARTER_SOURCE = """\
School Uniforms and Attendance: A District Study

Summary of findings for the school board.

In the schools that adopted uniforms, attendance rose by four percent in the first year.

Schools that did not adopt uniforms saw attendance rise by three percent in the same year.
"""

STARTER_MAP = """\
# yaml-language-server: $schema={schema}
#
# A starter argument map. Edit it, then run:
#   argmap validate {name}       (the file's structure and references)
#   argmap check {name}          (quotes verified, a verdict for every claim)
# The format is described in docs/format.md of argmap.
argmap: 1
title: School uniforms
question: Should our school require uniforms?
authors: [Your name]

# How `argmap render`, and the report's and the handout's maps, draw this map (the command line
# overrides it). Uncomment to draw it from the left, a box around each holder's claims.
# drawing:
#   rankdir: lr
#   group-by: actor

# The texts you quote. `file` is a local copy that every quote is checked against.
sources:
  district-study:
    title: "School Uniforms and Attendance: A District Study"
    publisher: District Research Office
    date: 2021
    file: sources/district-study.txt

# Who holds which claim.
actors:
  board: {{name: School board}}
  council: {{name: Student council}}

claims:
  # The thesis: what the map is about.
  require-uniforms:
    text: The school should require uniforms.
    kind: thesis
    holder: board

  # `supports:` is the short form of a one-premise argument.
  attendance:
    text: Uniforms improve attendance.
    holder: board
    supports: require-uniforms
    evidence:
      - quote: attendance rose by four percent in the first year
        source: district-study
        locator: para 3
        strength: 0.7

  # `attacks:` rebuts a claim, undermines a premise, or undercuts an argument (A->B).
  no-uniform-rise:
    text: Attendance rose almost as much in schools without uniforms.
    kind: premise
    holder: council
    undercuts: attendance->require-uniforms
    evidence:
      - quote: Schools that did not adopt uniforms saw attendance rise by three percent
        source: district-study
        locator: para 4

  expression:
    text: Uniforms suppress students' self-expression.
    kind: assumption
    holder: council
    attacks: require-uniforms

questions:
  - Does a rise in attendance show that uniforms caused it?
  - Is self-expression through clothing worth protecting at school?
"""
