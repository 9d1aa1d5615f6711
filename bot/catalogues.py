"""The text catalogues (`handlers/locale/<language>/LC_MESSAGES/smartcity.po`): compile and check.

    python -m bot.catalogues compile   # after editing a .po file: writes the .mo beside it
    python -m bot.catalogues check     # CI: fails on what follows, and says where

Checked: every German key has an English text (other catalogues, such as Leichte Sprache, may
translate a part and fall back to German); no catalogue has a key German lacks; every key is
used in the code (as a string, or by an f-string such as `f"status.{status}"`); a translation
keeps the placeholders of the German text; each compiled `.mo` is what its `.po` compiles to.
"""

from __future__ import annotations

import ast
import io
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from handlers.texts import DOMAIN, LOCALE_DIR, SOURCE_LANGUAGE

COMPLETE = ("en",)  # catalogues that must translate every key; the rest may fall back
CODE = (Path(__file__).parent, LOCALE_DIR.parent)  # bot/ and handlers/
PLACEHOLDER = re.compile(r"\{(\w+)\}")
CASE_FORM = re.compile(r"_(gen|dat|zu)$")


def languages() -> list[str]:
    """The languages that have a catalogue, e.g. `de`, `de@leicht`, `en`."""
    return sorted(path.parent.parent.name for path in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def po_path(language: str) -> Path:
    """Where the editable catalogue of `language` lives."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language: str) -> Catalog:
    """The catalogue of `language`, as Babel reads it."""
    with po_path(language).open("rb") as source:
        return read_po(source, locale=language.split("@", maxsplit=1)[0], domain=DOMAIN)


def compiled(catalogue: Catalog) -> bytes:
    """The `.mo` bytes of a catalogue (the same bytes for the same `.po`)."""
    target = io.BytesIO()
    write_mo(target, catalogue)
    return target.getvalue()


def compile_all() -> list[Path]:
    """Write every `.mo` beside its `.po`; returns the files written."""
    written = []
    for language in languages():
        target = po_path(language).with_suffix(".mo")
        target.write_bytes(compiled(read(language)))
        written.append(target)
    return written


def texts_of(catalogue: Catalog) -> dict[str, tuple[str, ...]]:
    """Key -> its text(s); a plural entry is listed under both of its keys."""
    found: dict[str, tuple[str, ...]] = {}
    for message in catalogue:
        if not message.id:
            continue  # the header
        for key in _ids(message):
            found[key] = _strings(message)
    return found


def _ids(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, (list, tuple)) else (str(message.id),)


def _strings(message: Message) -> tuple[str, ...]:
    strings = message.string
    return tuple(strings) if isinstance(strings, (list, tuple)) else (str(strings or ""),)


def used_in_code(roots: Iterable[Path] = CODE) -> tuple[set[str], list[re.Pattern[str]]]:
    """Every string constant of the code, and the patterns its f-strings can produce."""
    constants: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    for root in roots:
        for path in root.rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    constants.add(node.value)
                elif isinstance(node, ast.JoinedStr):
                    patterns.append(_pattern(node))
    return constants, patterns


def _pattern(node: ast.JoinedStr) -> re.Pattern[str]:
    parts = [
        re.escape(str(part.value)) if isinstance(part, ast.Constant) else r"[\w-]+"
        for part in node.values
    ]
    return re.compile("".join(parts))


def problems() -> list[str]:
    """What is wrong with the catalogues, one line each; empty when all is well."""
    german = texts_of(read(SOURCE_LANGUAGE))
    found = []
    for language in languages():
        catalogue = read(language)
        texts = texts_of(catalogue)
        mo = po_path(language).with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(catalogue):
            found.append(f"{language}: {mo.name} is stale; run `python -m bot.catalogues compile`")
        found += [f"{language}: {key!r} is not a German key" for key in texts.keys() - german]
        for key, strings in texts.items():
            if key in german and not all(strings):
                found.append(f"{language}: {key!r} is not translated")
            elif key in german and _placeholders(strings) != _placeholders(german[key]):
                found.append(f"{language}: {key!r} changes the placeholders of the German text")
        if language in COMPLETE:
            found += [f"{language}: {key!r} is not translated" for key in german.keys() - texts]
    constants, patterns = used_in_code()
    for key in sorted(german.keys() - constants):
        if not any(pattern.fullmatch(key) for pattern in patterns):
            found.append(f"{SOURCE_LANGUAGE}: {key!r} is not used in the code")
    return found


def _placeholders(strings: tuple[str, ...]) -> set[str]:
    """The values a text uses; a name's grammatical forms ({name_gen}, {Name}) count as one,
    as each language picks the form its grammar needs, and {count} is always given."""
    names = {name for text in strings for name in PLACEHOLDER.findall(text)} - {"count"}
    return {CASE_FORM.sub("", name).casefold() for name in names}


def main(argv: list[str]) -> int:
    """`compile` or `check`; the exit status says whether the check passed."""
    if argv == ["compile"]:
        for path in compile_all():
            print(f"wrote {path}")
        return 0
    if argv == ["check"]:
        found = problems()
        for line in found:
            print(line)
        print(f"catalogues: {len(languages())} languages, {len(found)} problems")
        return 1 if found else 0
    print("usage: python -m bot.catalogues compile|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
