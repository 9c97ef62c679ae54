"""How the words of a code are held: a ``Term`` (a code's label in both
languages with its plural, short and long forms and the other words
officers write for it), a ``Group`` (the codes of one kind, in order, that
names and parses them), and ``key``, the form words are compared in."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from dangdn_cli.i18n import fold, lang, nfc


@dataclass(frozen=True)
class Term:
    """The words for one code. ``vi`` and ``en`` are the label as it stands in
    a sentence (lower case unless a proper name); the other forms default to it."""

    vi: str
    en: str
    en_plural: str = ""
    short_vi: str = ""
    short_en: str = ""
    long_vi: str = ""
    long_en: str = ""
    aliases: tuple[str, ...] = ()

    def pair(self, form: str = "name") -> tuple[str, str]:
        if form == "short":
            return (self.short_vi or self.vi, self.short_en or self.en)
        if form == "long":
            return (self.long_vi or self.vi, self.long_en or self.en)
        if form == "plural":
            return (self.vi, self.en_plural or f"{self.en}s")
        return (self.vi, self.en)


@dataclass(frozen=True)
class Group:
    """The codes of one kind, in their usual order, with their words."""

    field_vi: str
    field_en: str
    terms: dict[str, Term] = field(default_factory=dict)

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.terms)

    def __iter__(self) -> Iterator[str]:
        return iter(self.terms)

    def __contains__(self, code: object) -> bool:
        return code in self.terms

    def field(self) -> str:
        return text((self.field_vi, self.field_en))

    def pair(self, code: object, form: str = "name") -> tuple[str, str]:
        term = self.terms.get(str(code))
        return term.pair(form) if term else (str(code), str(code))

    def label(self, code: object, capital: bool = False, form: str = "name") -> str:
        """The code's words in the current language ("party" -> "tổ chức đảng");
        an unknown code as it is, None as ""."""
        if code is None:
            return ""
        return text(self.pair(code, form), capital)

    @cached_property
    def _lookup(self) -> dict[str, str]:
        table: dict[str, str] = {}
        for code, term in self.terms.items():
            words = (code, term.vi, term.en, term.en_plural, term.short_vi, term.short_en)
            for word in (*words, term.long_vi, term.long_en, *term.aliases):
                if word:
                    table.setdefault(key(word), code)
        return table

    def parse(self, value: object) -> str | None:
        """The code a person meant: the code itself or any of its words, in
        either language, with or without diacritics, in any case."""
        if value is None:
            return None
        return self._lookup.get(key(str(value)))


def key(word: str) -> str:
    """The form words are compared in: folded, all but ASCII letters and digits as spaces."""
    folded = fold(word)
    return " ".join("".join(c if c.isascii() and c.isalnum() else " " for c in folded).split())


def text(pair: tuple[str, str], capital: bool = False) -> str:
    chosen = nfc(pair[1] if lang() == "en" else pair[0])
    return chosen[:1].upper() + chosen[1:] if capital else chosen
