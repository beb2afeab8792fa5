"""Prose sentences -> column items: one sentence at a time, for the layout stage.

A sentence adds columns by a request lead ('We also track ...', 'Each X has ...', 'For each crossing list ...'),
by copular clauses ('Tier is blue or gold', 'The fee shall be 1.5% of the cost'), or names none (the scene:
'We're a small museum', 'I need something like a ferry table'). A request inside a sentence (', and we also
track the refund reason') is read as a sentence of its own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from src.engine.semantics import singular, tokenize
from src.extraction import chatty
from src.extraction import field_meaning as fm
from src.extraction import sentence_forms as sf
from src.extraction.fields_label import trailing_value_list
from src.extraction.clauses import read_number_list, strip_request_lead
from src.extraction.notes import split_shared_rule
from src.extraction.shared_columns import expand_shared_columns
from src.extraction.sentences import depth_at

PROSE_LEADS_RE = re.compile(
    r"^(?:and\s+|also\s+|plus\s+|additionally,?\s+|finally,?\s+|then\s+|oh,?\s+and\s+|please\s+)*"
    r"(?:(?:we|i|you)'d\s+(?:also\s+)?like\s+(?:to\s+(?:track|record|store|keep|see|know|have)\s+)?|"
    r"(?:we|i|you)\s+(?:also\s+)?(?:want|need|would\s+like|track|record|store|keep|capture|include|log)\s+"
    r"(?:to\s+(?:track|record|store|keep|capture|see|know|have)\s+)?|"
    r"(?:also\s+)?(?:track|include|add|record|store|capture|keep|log|give\s+(?:each|every)\s+\w+)\s+|"
    # 'need store id, sku, qty 1-12': a chat message's request with its subject left out (not 'need 500 rows')
    r"(?:also\s+)?(?:need|needs|want|gotta\s+have|must\s+have)\s+(?!to\b|\d|~|about\b|around\b|roughly\b|some\s+data\b)|"
    r"(?:each|every|a|an|the|one)\s+(?:[\w-]+\s+){1,2}?(?:also\s+)?(?:(?:should|must|shall|will|would)\s+(?:also\s+)?"
    r"(?:have|carry|include|contain|hold|record|list|show|store|track|get|need)|has|have|gets|get|carries|"
    r"includes|records|needs|comes?\s+with|contains|holds|lists|shows|stores|tracks)\s+|"
    # 'For each crossing list the vessel name, ...', 'per visit we record ...'
    r"(?:for\s+(?:each|every)|per)\s+[\w-]+(?:\s+[\w-]+)?,?\s+(?:(?:we|i|you)\s+(?:also\s+)?(?:want|need|would\s+like|"
    r"track|record|store|keep|capture|include|log|list)|list|record|include|store|track|capture|give|add|show)\s+(?:me\s+)?|"
    r"(?:they|it|he|she|[a-z]+s)\s+(?:also\s+|should\s+|must\s+)?(?:have|has|get|gets|need|needs|carry|include|"
    r"comes?\s+with)\s+|"
    r"(?:[a-z]+s|they|you|users?|customers?)\s+can\s+(?:also\s+)?(?:add|have|choose|pick|leave|give|get)\s+|"
    r"there(?:'s|\s+is|\s+are)\s+(?:also\s+)?(?=a\s|an\s|one\s)|"
    r"there\s+(?:should|must|will)\s+(?:also\s+)?be\s+|it\s+should\s+(?:also\s+)?(?:have|include)\s+|"
    r"(?:it|they)\s+(?:should|must)\s+(?:also\s+)?(?:have|include|carry)\s+)", re.I)
# A modal before the verb changes nothing: 'shall be', 'must lie between', 'should fall in', 'must equal'.
MODAL = r"(?:(?:should|must|shall|will|would|can|could|may|might|has\s+to|have\s+to|needs?\s+to)\s+(?:always\s+|also\s+)?)"
COPULA = (rf"(?:(?:(?:is|are|{MODAL}be)\s+)?(?:calculated|computed|derived|worked\s+out)\s+(?:as|from)|"
          rf"is|are|{MODAL}be|has\s+to\s+be|"
          rf"{MODAL}?(?:ranges?|goes|go|runs|run|lies|lie|falls?|stays?|equals?|comes?\s+from|looks?\s+like|appears?|"
          r"exists?|varies|vary|takes?|uses?|follows?)|were|was)")
COPULAR_RE = re.compile(
    rf"^(?:the\s+|a\s+|an\s+|each\s+|every\s+|their\s+|its\s+)?(?P<label>[A-Za-z][\w' -]{{0,40}}?)\s+"
    rf"(?P<verb>{COPULA})\b(?!-)\s*(?P<rest>.*)$", re.I)
RELATION_VERB = (r"(?:never|always|cannot|can't|must\s+not|should\s+not|doesn't|don't|won't)\s+"
                 r"(?:exceeds?|outnumbers?|be\s+(?:more|less|greater|higher|lower|above|below|earlier|later)|go\s+(?:above|below)|"
                 r"(?:comes?|falls?)\s+(?:before|after))\b")
# Where a sentence starts a new column's clause: ', and the lease end is', ' and quantity is'.
CLAUSE_CUT_RE = re.compile(
    rf"(?:,\s*(?:and\s+|while\s+|but\s+|so\s+)?|\s+(?:and|while|but|so)\s+)(?=(?:the\s+|a\s+|an\s+|their\s+)?"
    rf"[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,3}}\s+{COPULA}\b(?!-))|"
    # 'bedrooms go from 1 to 6 and bathrooms from 1 to 4': the second column's verb is left out
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:the\s+)?(?!(?:mostly|usually|some|often|rarely|typically|anywhere|somewhere|roughly|about|around|approximately|generally|"
    rf"normally|ranging|going|running|varying|sits?|lies?|falls?|stays?|ranges?|varies|goes|runs?|is|are|can|should|must|will)\b)[A-Za-z][\w'-]*"
    rf"(?:\s+[A-Za-z][\w'-]*){{0,2}}\s+(?:from|between)\s+[-$€£]?\d)|"
    # 'impressions run from 1,000 to 100,000 and clicks never exceed impressions': a rule clause of its own column
    rf"(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,2}}\s+{RELATION_VERB})",
    re.I)
# 'I need roughly 5000 citations: the citation number, ...', '300 bookings, each with a guest name': the row count
# and what a row is (the scene reads them from the whole text), then the columns.
COUNTED_ROWS_LEAD_RE = re.compile(
    r"^(?:about\s+|around\s+|roughly\s+|approximately\s+|maybe\s+|some\s+|~\s*)?\d[\d,.]*\s*(?:k|m|thousand|million)?\s+"
    r"(?:[A-Za-z][\w'-]*\s+){0,3}?[A-Za-z][\w'-]*\s*(?::|,?\s+(?:each\s+)?with|,\s+each\s+having|,?\s+having)\s+"
    r"(?:(?:the|a|an|their|its)\s+)?", re.I)
# 'We need the id, name and email': a request that lists columns, though it opens like a scene sentence.
WANT_LIST_RE = re.compile(r"^(?:we|i|you)\s+(?:also\s+)?(?:want|need|would\s+like)\s+(?!to\b)[^,]+(?:,|\s+and\s+)", re.I)
# 'We also track whether ...', 'I record the frame count': a scene-like opening that adds columns.
TRACK_LEAD_RE = re.compile(r"^(?:and\s+|also\s+|oh,?\s+and\s+)?(?:we|i)(?:'d\s+(?:also\s+)?like|\s+(?:also\s+|additionally\s+|"
                           r"always\s+)?(?:track|record|store|keep|capture|log|collect|note|would\s+(?:also\s+)?like))\s+"
                           r"(?!of\b|it\b|them\b|this\b|to\s+(?!track|record|store|keep|have|see|know)|"
                           r"(?:about|around|roughly|approximately|maybe|~)?\s*\d)", re.I)
# What a request asks for when it names the dataset, not a column: 'something like a ferry table for ...'.
SCENE_OBJECT_RE = re.compile(
    r"^(?:something|some\s+(?:fake\s+|test\s+|sample\s+|synthetic\s+)?(?:data|rows|records)\b|(?:a|an|the|some)\s+"
    r"(?:[\w'-]+\s+){0,4}?(?:table|log|dataset|data\s*set|file|sheet|spreadsheet|database|register|export|extract|sample|"
    r"collection|batch|dump)"
    r"s?\b(?!\s+(?:name|id|number|code)\b)|(?:fake|test|sample|synthetic|dummy|mock)\s+data\b)", re.I)
# Scene words: a sentence about the whole dataset names no column.
SCENE_RE = re.compile(r"^(?:this|it|we|i|our|my|hello|hi|thanks|please\s+(?:generate|make|create)|nothing\s+else|"
                      r"no\s+other\s+(?:columns?|fields?)|that'?s\s+(?:all|it|everything)|"
                      r"generate|create|make|simulate|give\s+me|let'?s\s+say|there\s+(?:are|were|is))\b", re.I)


# ', and we also track the refund reason', ' and I'd like a yes/no for ...': a new request inside a sentence.
INNER_LEAD_RE = re.compile(rf"(?:,\s*|\s+)(?:and|but|plus)\s+(?=(?:we|i)(?:'d|\s+would)?\s+(?:also\s+)?"
                           rf"{chatty.REQUEST_VERB}\b)", re.I)


# 'Bib numbers are unique integers from 1 to 5000, plus the runner's name, gender (F/M) and age': after the first
# column's rule, a list of further columns; never a number or a column of a formula ('2.50 plus 0.90 per mile').
PLUS_LIST_RE = re.compile(r",\s*(?:plus|as\s+well\s+as|along\s+with|together\s+with)\s+(?![-$€£~]?\d|about\s+\d|tax\b|vat\b|"
                          r"shipping\b|tips?\b|fees?\b)(?=(?:the|a|an|their|its|his|her|our)\s|[a-z]+'s\s)", re.I)
# 'The half split, also in seconds, has to be less than ...': a short aside between the label and its verb.
ASIDE_RE = re.compile(rf"^(?P<label>(?:the\s+|a\s+|an\s+|each\s+)?[A-Za-z][\w' -]{{0,40}}?),\s*(?P<aside>(?:also|both|again|all|each|in|measured|given|stored|expressed|shown|recorded|written|kept)\b[^,()]{{0,30}}?),\s*"
                      rf"(?P<verb>{COPULA})\b", re.I)
FORMULA_WORD_RE = re.compile(r"=|\b(?:calculated|computed|derived|times|multiplied|divided|sum\s+of|total\s+of)\b", re.I)


def read_sentence(sentence: str, read_list: Callable[[str], tuple[str, list[str]]]) -> list[str]:
    """One sentence -> the column items it names (none for a sentence that only sets the scene)."""
    sentence = sentence.strip().rstrip(".!")
    inner = next((m for m in INNER_LEAD_RE.finditer(sentence) if depth_at(sentence, m.start()) == 0), None)
    if inner is not None:
        rest = sentence[inner.end():]
        asked = strip_request_lead(rest)  # ', and we also need pH which is 3.0 to 3.9': the request names columns
        later = read_list(f"Columns: {asked}")[1] if asked != rest.strip() else read_sentence(rest, read_list)
        return read_sentence(sentence[:inner.start()], read_list) + later
    plus = next((m for m in PLUS_LIST_RE.finditer(sentence) if depth_at(sentence, m.start()) == 0), None)
    if plus is not None and not FORMULA_WORD_RE.search(sentence[:plus.start()]):
        first = read_sentence(sentence[:plus.start()], read_list)
        if first:
            return first + read_list(f"Columns: {sentence[plus.end():]}")[1]
    aside = ASIDE_RE.match(sentence)
    if aside:
        sentence = f"{aside['label']} {aside['verb']}{sentence[aside.end():]}, {aside['aside']}"
    lead = PROSE_LEADS_RE.match(sentence)
    if lead and re.match(r"to\s+be\b", sentence[lead.end():], re.I):
        lead = None  # 'The half split has to be less than the finish time': a rule, not a request
    if lead and SCENE_OBJECT_RE.match(sentence[lead.end():]):
        return []  # 'I need something like a log of our inspections, maybe 800 rows': the scene
    if lead and (not SCENE_RE.match(sentence) or WANT_LIST_RE.match(sentence) or TRACK_LEAD_RE.match(sentence)):
        body = chatty.bracket_weight_tail(sentence[lead.end():])  # '- most should be calm, like 70%, ...'
        body = COUNTED_ROWS_LEAD_RE.sub("", body)  # 'roughly 5000 citations: the citation number, ...'
        body = re.sub(r"^(?:a|an|the|their|its|his|her)\s+", "", body, flags=re.I)
        body = re.sub(r",?\s+(?:too|as\s+well)(?=,|$)", "", body, flags=re.I)
        return read_list(f"Columns: {body}")[1]
    listed = chatty.strip_lead(sentence) or sf.list_before_summary(sentence) or sf.column_with_too(sentence)
    if listed:
        return read_list(f"Columns: {listed}")[1]
    if sf.is_column_run(sentence) and not SCENE_RE.match(sentence):
        return read_list(f"Columns: {sentence}")[1]  # 'Occupied spaces 0-250, chargers in use 0 to 12, and a full flag'
    shared = split_shared_rule(sentence) or [c for c in expand_shared_columns(sentence) if c != sentence]
    if shared:
        return shared  # 'Office phone and mobile phone are optional': one rule for each column
    items: list[str] = []
    for clause in chatty.split_spec_clauses(split_clauses(sf.rewrite_sentence(sentence))):
        linked = sf.read_belonging(clause)
        if linked:
            items.extend(linked)  # 'Each ticket is assigned to one of 15 agents': an agent column
            continue
        item = chatty.read_spec_clause(clause)
        item = read_clause(clause) if item is None else item  # '' : the clause sets the scene
        if item:
            items.append(read_number_list(item))
    return items


def split_clauses(sentence: str) -> list[str]:
    """'Size can be small or large and the price should be under $9' -> its two column clauses."""
    cuts = [m for m in CLAUSE_CUT_RE.finditer(sentence) if depth_at(sentence, m.start()) == 0]
    cuts += [m for m in re.finditer(r";\s*", sentence) if depth_at(sentence, m.start()) == 0]  # 'a is x; b is y'
    cuts.sort(key=lambda m: m.start())
    pieces, last = [], 0
    for m in cuts:
        pieces.append(sentence[last:m.start()])
        last = m.end()
    pieces.append(sentence[last:])
    return [p.strip() for p in pieces if p.strip()]


# 'Functional requirement FR-12 (test data)', 'Section 4 - Test data': a document's title, no column
TITLE_CLAUSE_RE = re.compile(r"^(?:(?:functional\s+|non-functional\s+)?requirements?|section|chapter|part|appendix|"
                             r"annex|ticket|story|req|spec(?:ification)?)\s*[\w.-]*\d[\w.-]*\b(?:\s*[-:(].*)?$|"
                             r"^.{0,60}\((?:test|sample|synthetic|fake|dummy|mock)\s+data\)$", re.I)
NOTE_BEFORE_VERB_RE = re.compile(rf"^(?P<label>(?:the\s+|a\s+|an\s+)?[A-Za-z][\w' -]{{0,40}}?)\s*(?P<note>\([^()]*\))\s+"
                                 rf"(?P<rest>(?:{MODAL}|is\b|are\b).*)$", re.I)


def read_clause(clause: str) -> str | None:
    """'Tier is blue, silver or gold' -> 'Tier: blue, silver or gold'; 'Filed date between 2022 and 2024'
    stays as written; a clause with no column label gives None."""
    clause = clause.strip().rstrip(".")
    if SCENE_RE.match(clause) or TITLE_CLAUSE_RE.match(clause):
        return None
    noted = NOTE_BEFORE_VERB_RE.match(clause)
    if noted:  # 'the interest rate (APR, 4.9 to 29.9) shall be present only for ...': the note goes last
        clause = f"{noted['label']} {noted['rest']} {noted['note']}"
    if re.match(r"^[^:]{1,40}:\s*\S", clause):
        return None if sf.describes_rows(clause) else clause
    copular = COPULAR_RE.match(clause)
    if copular and len(copular["label"].split()) <= 4 and copular["label"].split()[0].lower() not in _NOT_LABELS \
            and not copular["rest"].startswith(","):  # 'Hotel stays, 200 rows': a noun, not a verb
        verb = re.sub(rf"^{MODAL}(?!be\b)", "", copular["verb"].lower())  # 'must equal' reads as 'equals'
        rest = re.sub(r"^(?:one\s+(?:of|from)(?!\s+\d)|either|any\s+of)\s*:?\s*", "", copular["rest"], flags=re.I)
        if re.match(r"ranges?", verb):
            rest = re.sub(r"^(?:over|across|among)\s+(?=[A-Za-z])", "", rest, flags=re.I)  # 'ranges over P1, P2, P3
        label = re.sub(r"(?:\s+(?:only|always|usually|never|also|typically|generally|which|that|who))+$", "",
                       copular["label"], flags=re.I)  # 'the route which is either ...
        label = label if counts_things(label, rest) else singular_label(label)
        if re.match(r"(?:looks?\s+like|follows?)", verb):
            rest = "like " + rest
        elif re.match(r"(?:comes?\s+from)", verb):
            rest = "from " + rest
        elif re.search(r"calculated|computed|derived|worked", verb):
            rest = "calculated as " + rest  # 'load factor shall be computed as sold divided by offered'
        elif re.match(r"(?:equals?)", verb):
            rest = "= " + rest
        elif re.match(r"(?:ranges?|goes|go|runs|varies|vary)", verb) and not rest.lower().startswith(("from", "between")):
            rest = "from " + rest if re.match(r"[-$€£]?\d", rest) else rest
        return read_number_list(f"{label}: {rest}") if rest else label
    if re.match(rf"^(?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){{0,2}}\s+{RELATION_VERB}", clause, re.I):
        return clause  # 'clicks never exceed impressions': a column and its rule
    listed = trailing_value_list(clause)
    if listed and len(listed[0].split()) <= 3:
        return f"{listed[0]}: {listed[1]}"  # 'Risk level high/medium/low'
    words = clause.split()
    if 2 <= len(words) <= 14 and not re.match(r"(?:about\s+|around\s+|~)?\d", clause) and re.search(r"\b(?:between|from|within|in\s+the\s+(?:last|next|past)|last|next|one\s+of|either|"
                                           r"yes\s+or\s+no|yes/no|true/false)\b|\([^()]*[A-Za-z][^()]*\)", clause):
        one_of = ONE_OF_RE.match(clause)  # 'the term one of 12, 24 or 36 months' -> 'term: 12, 24 or 36 (months)'
        return read_number_list(f"{one_of['label']}: {one_of['values']}") if one_of else clause
    return None


ONE_OF_RE = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?P<label>[A-Za-z][\w' -]{0,40}?)\s+(?:is\s+|as\s+)?(?:one\s+of|either)\s+"
                       r"(?P<values>[^,]+(?:,[^,]+)*(?:,?\s+or\s+)\S.*)$", re.I)


# Plural units stay plural: 'lifetime miles', 'hours worked'.
UNIT_PLURALS = {"miles", "hours", "minutes", "seconds", "days", "weeks", "months", "years", "points", "kg", "lbs",
                "units", "tonnes", "tons", "liters", "litres", "gallons", "dollars", "euros", "nights", "steps",
                "calories", "views", "likes", "clicks", "impressions", "sales", "goals", "assists", "wins", "losses",
                "notes", "comments", "tags", "remarks", "details", "keywords", "symptoms", "skills", "allergies",
                "ingredients", "features", "instructions", "credits", "savings", "earnings", "orders", "items"}


def counts_things(label: str, rest: str) -> bool:
    """'violations range 0 to 15': a plural no meaning names, given a whole-number range, counts those things."""
    words = label.split()
    plural = fm.classify_tokens(tokenize(label))
    return bool(words) and words[-1].lower().endswith("s") and (plural is None or plural.meaning.type == "integer") \
        and _names_nothing(fm.classify_tokens([singular(t) for t in tokenize(label)])) \
        and bool(re.match(r"(?:from\s+|between\s+)?\d+\s*(?:-|–|to|and)\s*\d+\b(?![.,]\d)", rest, re.I))


def _names_nothing(found: fm.Classification | None) -> bool:
    """No meaning, or only a thing's name ('error'): its plural with a whole-number range counts them."""
    return found is None or found.meaning.kind == fm.THING


def singular_label(label: str) -> str:
    """'Case numbers' -> 'Case number': a sentence's plural subject names one value per row."""
    words = label.split()
    if words and words[-1].lower() not in UNIT_PLURALS:
        words[-1] = words[-1][:len(singular(words[-1].lower()))] if singular(words[-1].lower()) != words[-1].lower() \
            else words[-1]
    return " ".join(words)


_NOT_LABELS = {"it", "this", "that", "there", "which", "who", "they", "we", "i", "you", "he", "she", "so", "but"}
