"""Links between columns: the pass that fills in what depends on other columns (identifiers, formulas,
conditions, order), run after every column has its draft."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction import shapes as sh
from src.extraction.bounds import link_column_bounds
from src.extraction.condition_resolve import keep_equality_reachable, resolve_condition
from src.extraction.columns import ID_WORDS, entity_of
from src.extraction.counters import apply_counters
from src.extraction.cycles import break_cycles
from src.extraction.drafts import FieldDraft
from src.extraction.gaps import link_date_gaps
from src.extraction.fields_numbers import keep_unique_numbers_generatable
from src.extraction.sum_rules import link_sum_rules
from src.extraction.value_maps import link_value_maps
from src.extraction.amortised import find_amortised_payments
from src.extraction.formula_operands import quote_keyword_names
from src.extraction.formulas import (derive_expression, find_stated_formulas, read_listed_formulas,
                                     read_slash_lists_as_division)
from src.extraction.ordering import (infer_date_order, infer_number_order, infer_pair_order, link_date_offsets,
                                     link_orders, link_price_bars)


def link_fields(drafts: list[FieldDraft], subject: list[str], total_rows: int | None,
                warnings: list[str], text: str = "") -> None:
    """Fill in what depends on other columns (``text``: the whole description, for rules stated apart)."""
    apply_counters(drafts, warnings)
    read_in_context(drafts, subject)
    keep_one_row_per_entity(drafts, text)
    assign_identifiers(drafts, subject, total_rows)
    link_price_bars(drafts, text)
    find_amortised_payments(drafts, warnings)
    link_column_bounds(drafts, warnings)
    find_stated_formulas(drafts, warnings)
    link_value_maps(drafts, warnings)
    link_sum_rules(drafts, warnings)  # 'carbs, protein and fat pct must sum to 100': the last is the remainder
    link_orders(drafts, warnings)  # 'ballots cast never exceed registered voters' makes ballots a number a formula reads
    read_listed_formulas(drafts)  # 'sum of subtotal, tax and shipping' once those are known to be numbers
    read_slash_lists_as_division(drafts)  # 'open rate (opens / sent)' once 'opens' is known to be a number
    for draft in drafts:
        if draft.derived:
            derive_expression(draft, drafts, warnings)
        if draft.constraints.get("expression"):
            for key in ("enum_values", "weights"):
                draft.constraints.pop(key, None)  # 'bmi = weight / (height/100)^2': no list of values
    for draft in drafts:
        if draft.condition_text:
            when = resolve_condition(draft.condition_text, draft, drafts, negated=draft.condition_negated)
            if when and draft.type == "boolean":
                draft.constraints["expression"] = when  # 'passed when score >= 50': true exactly then
                draft.derived = True
            elif when:
                draft.constraints["when"] = when
                keep_equality_reachable(when, drafts)
            else:
                warnings.append(f"could not match the condition '{draft.condition_text}' of '{draft.label}' "
                                "to another column; ignored it")
    link_date_gaps(drafts, warnings)
    link_date_offsets(drafts, warnings)
    infer_pair_order(drafts)  # 'valid to' after 'valid from'
    infer_date_order(drafts)
    infer_number_order(drafts)
    keep_unique_patterns_generatable(drafts, total_rows, warnings)
    keep_unique_numbers_generatable(drafts, total_rows, warnings)
    break_cycles(drafts, warnings)
    quote_keyword_names(drafts)  # a column named 'end' is `end` in 'start - end'


NETWORK_WORDS = {"server", "log", "network", "dns", "request", "host", "machine", "device", "node", "cluster", "web",
                 "http", "https", "ip", "ssl", "tls", "certificate", "domain", "site", "website", "traffic", "packet",
                 "access", "connection", "firewall", "vm", "container", "pod", "endpoint", "api", "url", "proxy",
                 "router", "scan", "port", "service", "instance", "deployment", "infrastructure", "monitoring"}
PEOPLE_WORDS = {"employee", "staff", "worker", "person", "people", "candidate", "contact", "user", "member",
                "applicant", "hire", "personnel", "team", "colleague", "professional", "lead", "customer", "agent"}
NAMED_THINGS = {"product_name", "company", "city", "country", "department", "product_category", "airport_code"}
# A sports team: a place and a nickname reads like a team ('Riverside Rovers'); a league has about 20.
TEAM_NAMES = [
    "Riverside Rovers", "Northport United", "Eastfield Rangers", "Westbrook Wanderers", "Southgate City",
    "Kingsbridge Athletic", "Ashford Albion", "Millbrook Town", "Harbour View Hawks", "Oakridge Lions",
    "Stonehill Rovers", "Lakeside Falcons", "Greenwood Foxes", "Redcliffe Royals", "Fairhaven Harriers",
    "Bridgeton Bears", "Highfield Hornets", "Cedar Vale County", "Blackwater Pirates", "Silverton Saints",
]
SPORT_WORDS = {"match", "game", "fixture", "league", "season", "tournament", "football", "soccer", "basketball",
               "hockey", "rugby", "cricket", "baseball", "volleyball", "sport", "cup", "championship", "score"}
TEAM_SIDE_WORDS = {"home", "away", "opponent", "opposing", "visiting", "host", "rival", "winning", "losing", "winner"}


def _is_sports_team(draft: FieldDraft, subject: list[str]) -> bool:
    words = set(draft.tokens)
    if not draft.tokens or draft.tokens[-1] not in ("team", "club", "side") or draft.enum_items:
        return False
    return bool(words & TEAM_SIDE_WORDS or set(subject) & SPORT_WORDS)


def read_in_context(drafts: list[FieldDraft], subject: list[str]) -> None:
    """Labels whose meaning depends on what a row is: an employee's 'title' is a job title."""
    things = [fm.classify_tokens([word]) for word in reversed(subject)]
    thing = next((t for t in things if t is not None), None)
    for draft in drafts:
        if draft.type in ("department", "string") and _is_sports_team(draft, subject):
            draft.type, draft.kind = "enum", "enum"  # 'Home Team' in a match: a club, not a department
            draft.constraints["enum_values"] = list(TEAM_NAMES)
        if draft.tokens == ["title"] and draft.type == "sentence" and set(subject) & PEOPLE_WORDS:
            draft.type = "job_title"
        if draft.tokens == ["host", "name"] and draft.type == "domain" and not set(subject) & NETWORK_WORDS:
            draft.type = "full_name"  # a podcast's or an event's 'host name' is a person, a server's is not
        if draft.tokens == ["name"] and draft.type == "full_name" and thing is not None \
                and thing.meaning.type in NAMED_THINGS and not set(subject) & PEOPLE_WORDS:
            draft.type = thing.meaning.type  # a product's 'name' is a product name


ONE_ROW_PER_RE = re.compile(r"\b(?:one|a\s+single|1)\s+(?:row|record|line)\s+(?:per|for\s+each|for\s+every|each)\s+"
                            r"(?P<e>[a-z]+)", re.I)


def keep_one_row_per_entity(drafts: list[FieldDraft], text: str) -> None:
    """'one row per student': the student's id never repeats."""
    stated = ONE_ROW_PER_RE.search(text)
    if stated is None:
        return
    entity = fm.singular(stated["e"].lower())
    own = next((d for d in drafts if d.kind == fm.ID and entity_of(d) == entity and set(d.tokens) & ID_WORDS), None)
    if own is not None:
        own.constraints.pop("cardinality", None)
        own.constraints["unique"] = True
        own.pool = None


def assign_identifiers(drafts: list[FieldDraft], subject: list[str], total_rows: int | None) -> None:
    """Give code identifiers a readable pattern; the row's own id is unique, others repeat."""
    ids = [d for d in drafts if d.kind == fm.ID and d.type in ("code", "uuid")]
    subject_set = set(subject)
    # Only a column named like an identifier can be the row's own id; a password or seat code cannot.
    named_ids = [d for d in ids if d.type == "uuid" or set(d.tokens) & ID_WORDS or d.needs_id_pattern]
    own = [d for d in named_ids if entity_of(d) in subject_set and not d.pool]
    own_id = own[0] if own else next((d for d in named_ids if not d.pool), None)
    for draft in ids:
        c = draft.constraints
        is_own = draft is own_id or c.get("unique")
        if is_own and not draft.pool:
            c["unique"] = True
        elif not draft.pool and "cardinality" not in c and (draft.needs_id_pattern or draft.type == "uuid"):
            c["cardinality"] = max(2, min(1000, (total_rows or 1000) // 5))
        if draft.type != "code" or not draft.needs_id_pattern:
            continue
        entity = entity_of(draft) or (subject[-1] if subject else "id")
        prefix = fm.entity_prefix(entity)
        if draft.pool:
            digits = max(3, len(str(draft.pool)))
        elif c.get("unique"):
            digits = max(8, len(str(total_rows or 0)) + 2)
        else:
            digits = max(4, len(str(c.get("cardinality", 1000))) + 1)
        c["pattern"] = rf"{prefix}-\d{{{digits}}}"


PATTERN_ALPHABETS = {r"\d": 10, "[A-Z]": 26, "[a-z]": 26, "[A-Z0-9]": 36, "[a-z0-9]": 36, "[A-Za-z0-9]": 62, "[0-9a-f]": 16,
                     "[0-9A-F]": 16, "[A-HJ-NPR-Z0-9]": 33, "[A-F]": 6}
MAX_UNIQUE_COMBINATIONS = 2**62


def pattern_combinations(pattern: str) -> float:
    """Roughly how many strings a simple pattern ('ORD-\\d{8}', '[A-Z]{6}') can make."""
    total = 1.0
    for m in re.finditer(r"(\\d|\[[^\]]+\]|\\.|.)(?:\{(\d+)(?:,(\d+))?\})?", pattern):
        size = PATTERN_ALPHABETS.get(m[1], 1)
        total *= float(size) ** int(m[3] or m[2] or 1)
    return total


def keep_unique_patterns_generatable(drafts: list[FieldDraft], total_rows: int | None = None,
                                    warnings: list[str] | None = None) -> None:
    """The engine cannot make a pattern with more than 2**64 values unique (such values never repeat anyway),
    nor one with fewer values than the rows asked for: that one repeats, with a warning."""
    for draft in drafts:
        c = draft.constraints
        if not (c.get("unique") and c.get("pattern")):
            continue
        combinations = pattern_combinations(c["pattern"])
        if combinations > MAX_UNIQUE_COMBINATIONS:
            c.pop("unique")
        elif total_rows and combinations < total_rows and draft.example and not (draft.length and draft.length.pattern) \
                and sh.widen_digits(c["pattern"], total_rows, pattern_combinations):  # an example shows, a rule binds
            widened = sh.widen_digits(c["pattern"], total_rows, pattern_combinations)
            if warnings is not None:
                warnings.append(f"'{draft.label}' ({c['pattern']}) has only {int(combinations)} values, fewer than "
                                f"{total_rows} unique rows: widened it to {widened}")
            c["pattern"] = widened
        elif total_rows and combinations < total_rows:
            c.pop("unique")
            if warnings is not None:
                warnings.append(f"'{draft.label}' ({c['pattern']}) has only {int(combinations)} values, fewer than "
                                f"{total_rows} rows: its values repeat")
