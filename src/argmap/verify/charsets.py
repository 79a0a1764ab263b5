"""What a browser makes of the charset an HTML page declares, as a Python codec.

Browsers do not decode a ``<meta charset>`` as named: they look its label up in the WHATWG
Encoding Standard, which widens old labels to the encodings pages written under them really
use. ``iso-8859-1``, ``latin1`` and ``us-ascii`` mean windows-1252 (curly quotes and dashes at
0x80-0x9F), ``iso-8859-9`` windows-1254, ``gb2312`` GBK (whose decoder is gb18030's),
``shift_jis`` Microsoft's code page 932, ``euc-kr`` its 949, ``big5`` Big5-HKSCS, ``tis-620``
windows-874. A page whose ``<meta>`` could be read is not UTF-16, so UTF-16 means UTF-8; and the
"replacement" labels (``iso-2022-kr``, ``hz-gb-2312``…), which browsers show as one U+FFFD, are
not decoded at all.

A label the standard does not list (browsers ignore it) is read with Python's codec of that
name, widened the same way (``latin-1`` is windows-1252), except UTF-7 (it would show text the
reader does not see) and Python's own codecs that no browser has: those that read escapes (the
page shows ``\\x71``, they make it ``q``) and ``undefined``.
"""

from __future__ import annotations

import codecs

# The standard's encodings, by the Python codec that decodes them as browsers do (None: not
# decoded), each with its labels.
_ENCODINGS: tuple[tuple[str | None, str], ...] = (
    ("utf-8", "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8"),
    ("cp866", "866 cp866 csibm866 ibm866"),
    ("iso8859-2", "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2"
     " iso_8859-2:1987 l2 latin2"),
    ("iso8859-3", "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3"
     " iso_8859-3:1988 l3 latin3"),
    ("iso8859-4", "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4"
     " iso_8859-4:1988 l4 latin4"),
    ("iso8859-5", "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595"
     " iso_8859-5 iso_8859-5:1988"),
    ("iso8859-6", "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114"
     " iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6"
     " iso_8859-6:1987"),
    ("iso8859-7", "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126"
     " iso8859-7 iso88597 iso_8859-7 iso_8859-7:1987 sun_eu_greek"),
    ("iso8859-8", "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138"
     " iso8859-8 iso88598 iso_8859-8 iso_8859-8:1988 visual"
     " csiso88598i iso-8859-8-i logical"),
    ("iso8859-10", "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6"),
    ("iso8859-13", "iso-8859-13 iso8859-13 iso885913"),
    ("iso8859-14", "iso-8859-14 iso8859-14 iso885914"),
    ("iso8859-15", "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9"),
    ("iso8859-16", "iso-8859-16"),
    ("koi8-r", "cskoi8r koi koi8 koi8-r koi8_r"),
    ("koi8-u", "koi8-ru koi8-u"),
    ("mac-roman", "csmacintosh mac macintosh x-mac-roman"),
    ("cp874", "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874"),
    ("cp1250", "cp1250 windows-1250 x-cp1250"),
    ("cp1251", "cp1251 windows-1251 x-cp1251"),
    ("cp1252", "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100"
     " iso8859-1 iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252"
     " x-cp1252"),
    ("cp1253", "cp1253 windows-1253 x-cp1253"),
    ("cp1254", "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9"
     " iso_8859-9:1989 l5 latin5 windows-1254 x-cp1254"),
    ("cp1255", "cp1255 windows-1255 x-cp1255"),
    ("cp1256", "cp1256 windows-1256 x-cp1256"),
    ("cp1257", "cp1257 windows-1257 x-cp1257"),
    ("cp1258", "cp1258 windows-1258 x-cp1258"),
    ("mac-cyrillic", "x-mac-cyrillic x-mac-ukrainian"),
    ("gb18030", "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58"
     " x-gbk gb18030"),
    ("big5hkscs", "big5 big5-hkscs cn-big5 csbig5 x-x-big5"),
    ("euc_jp", "cseucpkdfmtjapanese euc-jp x-euc-jp"),
    ("iso2022_jp", "csiso2022jp iso-2022-jp"),
    ("cp932", "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis"),
    ("cp949", "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987"
     " ks_c_5601-1989 ksc5601 ksc_5601 windows-949"),
    (None, "csiso2022kr hz-gb-2312 iso-2022-cn iso-2022-cn-ext iso-2022-kr replacement"),
    ("utf-8", "unicodefffe utf-16be csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff"
     " utf-16 utf-16le"),
    (None, "x-user-defined"),
)  # fmt: skip

_BY_LABEL: dict[str, str | None] = {
    label: codec for codec, labels in _ENCODINGS for label in labels.split()
}

# Python's names (codecs.lookup(...).name) for a label the standard does not list but whose
# encoding it widens or refuses: "latin-1" is iso8859-1, which browsers read as windows-1252.
_BY_PYTHON_NAME: dict[str, str | None] = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
    "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
    "iso2022_kr": None,
    "hz": None,
    "utf-7": None,
    "unicode-escape": None,
    "raw-unicode-escape": None,
    "undefined": None,
}

_ASCII_WHITESPACE = "\t\n\f\r "


def browser_codec(label: str) -> str | None:
    """The Python codec that decodes a page declaring ``label`` as browsers decode it, or
    None if the declaration is not to be honoured."""
    key = label.strip(_ASCII_WHITESPACE).lower()
    if key in _BY_LABEL:
        return _BY_LABEL[key]
    try:
        info = codecs.lookup(key)
    except LookupError:
        return None
    # Only real text encodings: a page may not choose rot13 or base64 for itself.
    if not getattr(info, "_is_text_encoding", True):
        return None
    return _BY_PYTHON_NAME.get(info.name, info.name)
