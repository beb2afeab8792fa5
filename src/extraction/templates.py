"""Domain templates: realistic schemas for requests that name an entity but few or no columns.

The catalog lives in ``templates.toml``; each template's columns are written as a person would write
a bullet list, and the offline reader turns them into fields the same way it reads a user's list.
This module loads the catalog, chooses the template a request names and merges a template's fields
with the columns the request names itself.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from src.extraction import field_meaning as fm
from src.errors import SchemaValidationError
from src.extraction.drafts import FieldDraft
from src.schemas import DatasetSchema

CATALOG_PATH = Path(__file__).with_name("templates.toml")
# More catalog files, one per domain (civic, energy, science, ...), loaded after templates.toml.
CATALOG_DIR = Path(__file__).with_name("templates")
# Below this many named columns a request is completed from its entity's template.
FEW_COLUMNS = 3
# Types that say what a column is by themselves: a user's 'email' replaces a template's 'email address'.
GENERIC_TYPES = {"string", "integer", "float", "decimal", "enum", "date", "datetime", "time", "boolean",
                 "percentage", "code", "sequence", "uuid", "word", "sentence", "paragraph", "price"}
ROLE_HEADS = {"status", "state", "stage", "type", "category", "priority"}


@dataclass(frozen=True)
class Template:
    """One domain entity: the words that name it and its columns, written as a bullet list."""

    key: str
    title: str
    words: tuple[str, ...]
    columns: tuple[str, ...]
    rank: int = 1
    rules: tuple[tuple[str, tuple[tuple[str, Any], ...]], ...] = ()  # field -> constraint changes
    hidden: tuple[tuple[tuple[str, Any], ...], ...] = ()  # hidden helper fields the rules read

    def as_description(self) -> str:
        """The template as a description the offline reader understands."""
        return f"{self.title}:\n" + "\n".join(f"- {c}" for c in self.columns)


GENERIC_TEMPLATE = Template(
    key="records", title="Generic records", words=("record",), rank=0,
    columns=("Record ID", "Name", "Category (A, B, C, D)", "Amount ($1-1000)", "Created at (last 1 year)",
             "Is active (yes/no)"))


@dataclass(frozen=True)
class TemplateMatch:
    template: Template
    phrase: str  # the words of the request that chose it


@lru_cache(maxsize=1)
def load_templates() -> tuple[Template, ...]:
    """The catalog, in file order: templates.toml, then each domain file of templates/ by name."""
    paths = [CATALOG_PATH, *sorted(CATALOG_DIR.glob("*.toml"))]
    entries = [t for path in paths for t in tomllib.loads(path.read_text(encoding="utf-8"))["template"]]
    return tuple(Template(key=t["key"], title=t["title"], words=tuple(t["words"]), columns=tuple(t["columns"]),
                         rank=int(t.get("rank", 1)),
                         rules=tuple((name, tuple(rule.items())) for name, rule in t.get("rules", {}).items()),
                         hidden=tuple(tuple(h.items()) for h in t.get("hidden", [])))
                 for t in entries)


TEMPLATE_SOURCE_RE = re.compile(r"^template '([a-z_]+)': ")


def apply_template_rules(schema: DatasetSchema, sources: dict[str, str],
                         template: Template | None = None) -> DatasetSchema:
    """A template's rules that its words cannot say (an expression, a hidden helper field), on the fields
    that came from it (``sources``: field -> words, 'template 'flights': ...'); a rule whose fields are not
    all there, or that the engine refuses with the request's other columns, is left out."""
    keys = {m.group(1) for text in sources.values() if (m := TEMPLATE_SOURCE_RE.match(text))}
    chosen = [template] if template is not None else [t for t in load_templates() if t.key in keys]
    for tpl in chosen:
        if not tpl.rules:
            continue
        candidate = _with_rules(schema, tpl, None if template is not None else sources)
        if candidate is None:
            continue
        try:
            from src.engine import compile_schema

            compile_schema(candidate, seed=0)
        except SchemaValidationError:
            continue
        schema = candidate
    return schema


def _rule_reads(rules: dict[str, tuple]) -> set[str]:
    from src.engine.expressions import parse_expression

    return {name for rule in rules.values() for key, text in rule if key in ("expression", "when")
            for name in parse_expression(text).referenced_fields()}


def _with_rules(schema: DatasetSchema, template: Template, sources: dict[str, str] | None) -> DatasetSchema | None:
    own = {f.name for f in schema.fields
           if sources is None or sources.get(f.name, "").startswith(f"template '{template.key}': ")}
    helpers = {dict(h)["name"] for h in template.hidden}
    # each rule whose field and inputs came from the template (a request naming its own airlines keeps
    # them, without the template's code mapping)
    rules = {name: rule for name, rule in template.rules
             if name in own and _rule_reads({name: rule}) - helpers <= own}
    if not rules:
        return None
    used = _rule_reads(rules) & helpers
    fields = []
    for spec in schema.fields:
        doc = spec.model_dump(mode="json", exclude_defaults=True)
        if spec.name in rules:
            constraints = dict(doc.get("constraints") or {})
            for key, value in rules[spec.name]:
                if value is False or value == "":
                    constraints.pop(key, None)
                else:
                    constraints[key] = value
            doc["constraints"] = constraints
        fields.append(doc)
    names = {f["name"] for f in fields}
    fields += [{**dict(h), "hidden": True} for h in template.hidden
               if dict(h)["name"] in used and dict(h)["name"] not in names]
    try:
        return DatasetSchema.model_validate({**schema.model_dump(mode="json", exclude_defaults=True),
                                             "fields": fields})
    except ValueError:
        return None


def get_template(key: str) -> Template | None:
    """The template with this key, if any."""
    return next((t for t in load_templates() if t.key == key), None)


@lru_cache(maxsize=1)
def _phrase_index() -> tuple[tuple[tuple[str, ...], Template, str], ...]:
    index = []
    for template in load_templates():
        for word in template.words:
            tokens = tuple(fm.singular(t) for t in fm.tokenize(word))
            if tokens:
                index.append((tokens, template, word))
    return tuple(index)


ROW_PER_RE = re.compile(r"\b(?:row|record|line)s?\s+(?:per|for\s+each)\b", re.IGNORECASE)
PARENT_CHILD_RE = re.compile(r"^(?P<parent>.*?)\s+and\s+(?:their|its|his|her)\s+(?P<child>.+)$", re.IGNORECASE)


def find_template(text: str) -> TemplateMatch | None:
    """The template whose entity the text names; the most specific one when it names several.

    'students and grades' -> grades (a fact table that holds its students), 'order lines' -> order lines;
    'gym members and their workouts' -> workouts (the child Y of 'X and their Y', which holds an X key),
    'library members and their loans' -> library loans (the child read with the parent's modifiers).
    """
    pair = PARENT_CHILD_RE.match(text.strip())
    if pair:  # 'pets and their vaccinations, one row per pet': the parent is the table
        found = _find_named_template(pair.group("parent")) if ROW_PER_RE.search(text) else \
            _find_child_template(pair.group("parent"), pair.group("child"))
        if found is not None:
            return found
    return _find_named_template(text)


def row_per_parent_child(text: str) -> str | None:
    """'students and their grades, one row per student': the child ('grades'), which the parent's rows carry
    as a column; None for any other text."""
    pair = PARENT_CHILD_RE.match(text.strip())
    if not pair or not ROW_PER_RE.search(text):
        return None
    child = re.split(r"[,.;(]", pair.group("child"), maxsplit=1)[0].strip()
    return child if 0 < len(child.split()) <= 3 else None


def _find_child_template(parent: str, child: str) -> TemplateMatch | None:
    """'volunteers' + 'shifts': 'volunteer shifts' first, then the parent's modifiers with the child
    ('2,000 library members' + 'loans': 'library loans'), then the child alone, then the parent
    ('warehouse robots and their errors': robots)."""
    words = [t for t in fm.tokenize(parent) if not t.replace(",", "").isdigit()]
    for kept in [words[start:] for start in range(len(words))] + [words[start:-1] for start in range(len(words) - 1)]:
        match = _find_named_template(" ".join(kept) + " " + child)
        if match is not None and set(match.phrase.split()) & {fm.singular(t) for t in kept} \
                and set(match.phrase.split()) - {fm.singular(t) for t in kept}:
            return match
    return _find_named_template(child)


def _find_named_template(text: str) -> TemplateMatch | None:
    tokens = [fm.singular(t) for t in fm.tokenize(text)]
    found: list[tuple[tuple[int, int, int, int], int, int, TemplateMatch]] = []
    for phrase, template, word in _phrase_index():
        n = len(phrase)
        for start in range(len(tokens) - n + 1):
            if tuple(tokens[start:start + n]) == phrase:
                found.append(((min(n, 2), template.rank, n, -start), start, start + n, TemplateMatch(template, word)))
                break
    # 'restaurant reviews', 'app reviews': one matched word right before another says what kind, the last one
    # is the entity ('car rental bookings' keeps its two-word 'car rental')
    starts = {start for _, start, _, _ in found}
    heads = [f for f in found if f[2] - f[1] > 1 or f[2] not in starts]
    best = max(heads or found, key=lambda f: f[0], default=None)
    return best[3] if best else None


def find_near_template(text: str) -> TemplateMatch | None:
    """A misspelt entity ('invioces', 'employes'): the template word closest to a word of the text."""
    words = {w for t in load_templates() for w in t.words if " " not in w and len(w) >= 5}
    for token in dict.fromkeys(fm.tokenize(text)):  # each word once: a long text repeats its words
        if len(token) < 5:
            continue
        close = difflib.get_close_matches(fm.singular(token), words, n=1, cutoff=0.84) \
            or [w for w in words if _is_transposed(fm.singular(token), w)]
        if close:
            return find_template(close[0])
    return None


def _is_transposed(word: str, known: str) -> bool:
    """'ordre' for 'order': the same letters with two neighbours swapped."""
    if len(word) != len(known) or word == known:
        return False
    diff = [i for i, (a, b) in enumerate(zip(word, known)) if a != b]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and word[diff[0]] == known[diff[1]] \
        and word[diff[1]] == known[diff[0]]


NUMBER_TYPES = {"integer", "float", "decimal"}


def merge_template_drafts(template_drafts: list[FieldDraft], named: list[FieldDraft]) -> list[FieldDraft]:
    """The template's fields with the request's own columns: a named column replaces the template field
    it stands for (same name, same specific type, or the same role such as 'status'), the rest follow."""
    merged = list(template_drafts)
    for draft in named:
        at = next((i for i, t in enumerate(merged) if _stands_for(draft, t)), None)
        if at is None:
            merged.append(draft)
        elif _names_only(draft) and (merged[at].type == draft.type or {merged[at].type, draft.type} <= NUMBER_TYPES):
            merged[at] = _named_with_template_rules(draft, merged[at])
        else:
            merged[at] = draft
    return merged


def _names_only(draft: FieldDraft) -> bool:
    """'a due date': the words name the column and state no rule of its own."""
    words = [t for t in fm.tokenize(draft.source or draft.label) if t not in fm.STOP_TOKENS]
    return words == [t for t in draft.tokens if t not in fm.STOP_TOKENS]


def _named_with_template_rules(named: FieldDraft, template: FieldDraft) -> FieldDraft:
    """'with a due date and an amount': a column named with no rules of its own keeps its name and the
    template's realistic rules for it; its source says both."""
    template.label, template.name, template.tokens = named.label, named.name, named.tokens
    template.source = f"{named.source or named.label} (rules from {template.source})"
    return template


def _stands_for(named: FieldDraft, template: FieldDraft) -> bool:
    if named.name and named.name == template.name:
        return True
    if named.type == template.type and named.type not in GENERIC_TYPES:
        return True
    head_named = fm.singular(named.tokens[-1]) if named.tokens else ""
    head_template = fm.singular(template.tokens[-1]) if template.tokens else ""
    return head_named == head_template and head_named in ROLE_HEADS
