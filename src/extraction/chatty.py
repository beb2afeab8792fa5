"""Chatty prose and spec paragraphs: the sentence forms people use to name columns in passing.

Read by ``layout.read_sentence`` before its own clause rules. Each form gives back the column list the sentence
holds (for the comma-list reader) or None:

- lead-ins that open a column list: 'For every inspection I want the ...', 'We also track whether ...',
  'Oh and honey stores ...', 'Then the title ...', 'Each record shall carry ...', 'Each policy must have ...';
- spec clauses: 'The ward shall be one of A, B', 'Length of stay in days must be an integer from 0 to 60',
  'The admission timestamp shall fall within ...' -> 'label: rule', never cut at a word inside the label;
- never a column named by a pronoun, a conjunction or a function word ('we', 'per case', 'if case').
"""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.sentences import depth_at

# Words that start a sentence adding columns, with nothing else said: 'Oh and', 'Then', 'Finally,', 'Also'.
FILLER_RE = re.compile(r"^(?:(?:oh|ah|ok|okay|so|and|also|plus|then|next|finally|lastly|last(?:ly)?\s+of\s+all|"
                       r"additionally|besides|on\s+top\s+of\s+that|after\s+that)\b,?\s+)+", re.I)
SUBJECT = r"(?:we|i|you|they|the\s+(?:team|client|business|system|app))"
# The verbs of a request that names one more column: 'we also track ...', 'I\'d like ...'.
REQUEST_VERB = r"(?:like|want|need|track|record|store|keep|capture|log|collect)"
WANT = (r"(?:(?:also\s+)?(?:want|need|'d\s+like|would\s+like|like|track|record|store|keep|capture|log|collect|note|"
        r"measure|require|expect)s?(?:\s+to\s+(?:see|have|track|record|store|capture|know|include|get))?)")
# 'For every inspection I want', 'For each case we need', 'Per reading we track'
FOR_EACH_RE = re.compile(rf"^(?:for|on|per)\s+(?:each|every|all|any|every\s+single)?\s*(?:[\w-]+\s+){{1,3}}?"
                         rf"(?:(?:,\s*)?{SUBJECT}\s+(?:also\s+)?{WANT}|,)\s+", re.I)
# 'We also track whether ...', 'I'd also like the ...', 'We need to record the ...'
SUBJECT_WANT_RE = re.compile(rf"^{SUBJECT}(?:'d|\s+would|\s+will)?\s+(?:also\s+|definitely\s+|really\s+)?{WANT}\s+"
                             rf"(?=(?:whether|if|the|a|an|their|its|each|how|what|which|when|where)\b)", re.I)
# 'Things I need:', 'What we want to track:', "Here's what I need:", 'The columns we need are:'
NAMED_WANT_RE = re.compile(rf"^(?:(?:the\s+|some\s+|other\s+|more\s+)?(?:things|stuff|items|details|info(?:rmation)?|"
                           rf"data\s+points|columns|fields|bits|what)\s+(?:that\s+)?{SUBJECT}(?:'d|\s+would)?\s+"
                           rf"(?:also\s+)?{WANT}(?:\s+(?:are|is))?|here(?:'s|\s+is)\s+what\s+{SUBJECT}(?:'d|\s+would)?\s+"
                           rf"(?:also\s+)?{WANT})\s*:\s*", re.I)
MODAL = r"(?:shall|must|should|will|is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to)"
# 'Each record shall carry', 'Each policy must have', 'Every payment shall include', 'Each one needs'
EACH_HAS_RE = re.compile(rf"^(?:each|every|any|all)\s+(?:[\w-]+\s+){{1,3}}?(?:also\s+)?(?:{MODAL}\s+(?:also\s+)?)?"
                         r"(?:carry|carries|have|has|gets?|includes?|contains?|holds?|records?|needs?|shows?|stores?|"
                         r"list|lists|comes?\s+with|be\s+given|is\s+given|are\s+given|consist\s+of|consists\s+of)\s+", re.I)
# 'Include the module temperature', 'Add a notes field', 'Give each one a rating'
COMMAND_RE = re.compile(r"^(?:please\s+)?(?:also\s+)?(?:include|add|record|track|capture|store|give\s+(?:each|every)"
                        r"\s+(?:one|row|record|[\w-]+)|put\s+in|throw\s+in)\s+", re.I)
# 'Records whose discharge disposition is ...' and other sentences about some rows: left to the clause rules
SOME_ROWS_RE = re.compile(r"^(?:records?|rows?|entries|those|any)\s+(?:whose|where|with|that|which)\b", re.I)

SCENE_START_RE = re.compile(r"^(?:this|it|we|i|our|my|you|they|there|here|let'?s|please|generate|create|make|simulate|"
                            r"give\s+me|that'?s|nothing|no\s+other|rows?|records?|each|every)\b", re.I)
SPEC_VERB = (r"(?:be|fall|lie|range|consist\s+of|contain|hold|follow|match|take|use|come\s+from|look\s+like|"
             r"equal|not\s+(?:be|exceed|precede|predate|follow|fall))")
# 'X shall be Y', 'X must be Y', 'X shall fall within Y', 'X shall not precede Y'
SPEC_RE = re.compile(rf"^(?P<label>[A-Za-z][\w'/ -]{{0,60}}?)\s*,?\s+(?:(?:obviously|always|also|only)\s+)?{MODAL}\s+"
                     rf"(?:(?:always|also|only|obviously)\s+)?(?P<verb>{SPEC_VERB})\b\s*(?P<rest>.*)$", re.I)
FUNCTION_WORDS = {"we", "i", "you", "they", "it", "he", "she", "us", "our", "my", "your", "their", "its", "this",
                  "that", "these", "those", "there", "here", "which", "who", "what", "so", "if", "then", "per",
                  "when", "while", "but", "and", "or", "nor", "also", "otherwise", "else", "each", "every", "one",
                  "of", "the", "a", "an", "for", "with", "to", "in", "on", "at", "by", "from", "as", "is", "are",
                  "be", "was", "were", "some", "any", "all", "most", "many", "obviously",
                  "think", "like", "say", "let", "s", "maybe", "just", "really", "please", "thanks", "hey", "hi"}


def strip_lead(sentence: str) -> str | None:
    """The column list of a sentence that opens with a chatty or spec lead-in; None when it has none."""
    body = FILLER_RE.sub("", sentence.strip())
    filler = body != sentence.strip()
    if SOME_ROWS_RE.match(body):
        return None
    for lead in (FOR_EACH_RE, SUBJECT_WANT_RE, NAMED_WANT_RE, EACH_HAS_RE, COMMAND_RE):
        m = lead.match(body)
        if m:
            return _trim(body[m.end():])
    if filler and not SCENE_START_RE.match(body) and not SPEC_RE.match(body):
        return _trim(body)  # 'Then the case type (...), the plaintiff and ...', 'Finally, whether it's on display'
    return None


def _trim(body: str) -> str:
    body = bracket_weight_tail(body)
    body = re.sub(r"^(?:a|an|the|their|its|his|her)\s+", "", body.strip(), flags=re.I)
    return re.sub(r",?\s+(?:too|as\s+well)(?=,|$)", "", body, flags=re.I)


# The dataset or its rows, never a column: 'The test extract shall contain ...', 'Readings must be taken ...'.
ROWS_LABEL_RE = re.compile(r"\b(?:extract|dataset|data\s+set|test\s+set|file|table|system|sample|records|rows|entries|"
                           r"output|data|test\s+data)$", re.I)
ROWS_SCENE_REST_RE = re.compile(r"(?:taken|generated|produced|collected|created|sampled|made|captured|logged)\s+"
                                r"(?:every|each|per|for|over|at|from|once|daily|hourly)\b", re.I)
PARTICIPLE_RE = re.compile(r"^(?:provided|recorded|given|stored|captured|supplied|populated|filled|entered|expressed|"
                           r"represented|shown|written|formatted|generated|held|kept|reported)\s+"
                           r"(?:(?:with|using)\s+(?:the\s+)?(?:values?|one\s+of)\s*:?\s*|as\s+|by\s+|in\s+|using\s+)?", re.I)


def read_spec_clause(clause: str) -> str | None:
    """'The ward shall be one of A, B' -> 'ward: one of A, B'; 'X shall not precede Y' -> 'X: not before Y'."""
    clause, optional = PRESENT_RE.subn(" ", clause.strip().rstrip("."))
    parallel = None if re.search(rf"\b{MODAL}\s", clause, re.I) else PARALLEL_RE.match(clause)
    if parallel:  # 'and the term one of 12, 24 or 36 months' after a spec clause
        return f"{parallel['label']}: {parallel['rest']}"
    m = SPEC_RE.match(clause)
    if m is None or depth_at(clause, m.start("verb")) or SOME_ROWS_RE.match(m["label"]):
        return None
    label = re.sub(r"^(?:the|a|an|each|every|all|any)\s+", "", m["label"].strip(), flags=re.I)
    label = re.sub(r"'s\b", "", label)
    if not label or is_function_label(label) or len(label.split()) > 7:
        return None
    verb, rest = " ".join(m["verb"].lower().split()), m["rest"].strip()
    if ROWS_LABEL_RE.search(label) or (verb == "be" and ROWS_SCENE_REST_RE.match(rest)):
        return ""  # 'The test extract shall contain 2,000 records', 'Readings must be taken every 30 minutes'
    rest = re.sub(r"^(?:computed|derived|worked\s+out)\s+(?:as|from)\b", "calculated as", rest, flags=re.I)  # the formula words
    rest = PARTICIPLE_RE.sub("", rest)  # 'must be provided with values none, watch and alarm'
    rest = re.sub(r"^(?:one\s+of(?!\s+\d)|either|any\s+of)\s*:?\s*", "", rest, flags=re.I)
    if verb.startswith("not "):
        word = verb.split()[1]
        rest = {"precede": "on or after ", "predate": "on or after ", "follow": "on or before ", "exceed": "never more than ",
                "fall": "not "}.get(word, "not ") + rest
    elif verb in ("fall", "lie", "range"):
        rest = rest if re.match(r"(?:within|in|between|from|inside)\b", rest, re.I) else "from " + rest
    elif verb in ("look like", "follow", "match"):
        rest = "like " + rest
    elif verb == "come from":
        rest = "from " + rest
    elif verb == "equal":
        rest = "= " + rest
    rest = re.sub(r"\s+inclusive$", "", rest, flags=re.I) + (", optional" if optional else "")
    return f"{label}: {rest.strip()}" if rest.strip() else label


ROW_NOUNS = {"case", "cases", "record", "records", "row", "rows", "item", "items", "entry", "entries"}


def is_function_label(label: str) -> bool:
    """'we', 'per case', 'if case', 'then': a label of function words names no column."""
    tokens = fm.tokenize(label)
    return not tokens or all(t in FUNCTION_WORDS for t in tokens) or (
        tokens[0] in {"per", "if", "when", "so", "which", "then"} and all(t in FUNCTION_WORDS | ROW_NOUNS for t in tokens))


# 'whether the queen was seen' -> 'queen seen'; 'whether it's currently on display' -> 'on display'
WHETHER_BE_RE = re.compile(
    r"^whether\s+(?:or\s+not\s+)?(?:(?P<pron>it|they|he|she)(?:'s|'re|\s+is|\s+are|\s+was|\s+were|\s+has\s+been)|"
    r"(?:the|a|an|their|its)\s+(?P<noun>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+(?:is|are|was|were|has\s+been|have\s+been|"
    r"got|gets|get))\s+(?:(?:currently|already|ever|still|actually|now)\s+)?(?P<rest>[A-Za-z].*)$", re.I)


EITHER_OR_RE = re.compile(r"^(?:an?\s+)?(?P<a>[A-Za-z][\w-]*)\s+or\s+(?:an?\s+)?(?P<b>[A-Za-z][\w-]*)$", re.I)


def name_either_or(piece: str) -> str | None:
    """'whether the rider is a member or casual' -> 'rider: member or casual': two values, not a yes/no column."""
    m = WHETHER_BE_RE.match(piece.strip())
    either = EITHER_OR_RE.match(m["rest"].strip()) if m else None
    if either is None or not m["noun"] or re.search(r"\b(?:yes|no|not|true|false)\b", m["rest"], re.I):
        return None
    return f"{m['noun']}: {either['a']} or {either['b']}"


def name_whether(piece: str) -> str | None:
    """A yes/no column said with 'whether ... was/is ...': its noun and participle, or what the pronoun is."""
    m = WHETHER_BE_RE.match(piece.strip())
    if m is None:
        return None
    rest = m["rest"].strip()
    either = name_either_or(piece)
    if either:
        return either
    if not re.search(r"\b(?:yes|no|true|false|y/n)\b", rest, re.I):  # 'whether a reminder was sent': a yes/no column
        head, paren, note = rest.partition("(")
        rest = f"{head.strip()} (yes/no)" + (f" ({note}" if paren else "")
    return f"{m['noun']} {rest}" if m["noun"] else rest


# 'the year it was made' -> 'year made'; 'the date they joined' stays for the clause rules
PASSIVE_LABEL_RE = re.compile(r"^(?:the\s+)?(?P<head>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+(?:it|they|he|she)\s+"
                              r"(?:was|were|is|are|got|has\s+been)\s+(?P<verb>[a-z]+(?:ed|en|de|wn|ilt|old|ught))\b"
                              r"(?P<rest>.*)$", re.I)


def name_passive(item: str) -> str | None:
    """'the year it was made somewhere between 1750 and 2015' -> 'year made somewhere between 1750 and 2015'."""
    m = PASSIVE_LABEL_RE.match(item.strip())
    return f"{m['head']} {m['verb']}{m['rest']}" if m else None


FILLER_WORD_RE = re.compile(r"\s+(?:somewhere|sometime|anywhere|roughly|approximately|estimated|formatted|written|"
                            r"expressed|given|recorded|measured|stated|reported|shown|stored)"
                            r"(?!\s+(?:as\s+|in\s+)?(?:a\s+)?(?:percent|%))(?:\s+as)?"  # 'expressed as a percentage' is a formula's
                            r"(?=\s+(?:between|from|in|within|like|as|during|around|to|a|an)\b)", re.I)
# '(CV, the filing year, then six digits)': what the example's parts mean, a list of words with no count or pool
EXPLAINED_EXAMPLE_RE = re.compile(r"(\b(?:like|e\.g\.?|such\s+as)\s+[A-Z0-9][\w./-]*\d[\w./-]*)\s*"
                                  r"\((?![^()]*\b(?:one\s+of|unique|optional)\b)[^()\d]*,[^()\d]*\)", re.I)


# '(category: Ascot, Epsom)', '(enum - open, closed)': the kind of list is no value of it
LIST_KIND_RE = re.compile(r"(?<=\()\s*(?:categor(?:y|ical|ies)|enum(?:eration)?|choices?|options?|values?|"
                          r"allowed(?:\s+values)?)\s*[:=\u2013-]\s*(?=[^,()]+,|[^()]+\bor\b)", re.I)


# '(eng, sales, ops - use those exact labels)': a note after a dash closes the value list, it is no formula
LIST_NOTE_RE = re.compile(r"\((?P<values>[^()]+,[^()]+?)\s+[-–—]+\s+(?=[a-z])(?![^()]*\d)[^()]*\)", re.I)
# 'between 2024-10-01 & 2024-10-21'
BETWEEN_AMPERSAND_RE = re.compile(r"(\bbetween\s+\S+)\s*&\s*", re.I)


def tidy_item(item: str) -> str:
    """Words that only pad a column's rule: 'estimated in kg', 'sometime in 2024', 'formatted like X (what X's
    parts mean)' -> the rule alone; the explanation of an example's parts is no value list."""
    item = LIST_KIND_RE.sub("", FILLER_WORD_RE.sub("", item))
    item = LIST_NOTE_RE.sub(r"(\g<values>)", item)
    item = BETWEEN_AMPERSAND_RE.sub(r"\1 and ", item)
    return EXPLAINED_EXAMPLE_RE.sub(r"\1", item)


# A comma piece that only qualifies the column before it: 'unique per case', 'of course', 'anywhere from 0 to 35',
# '-10 to 75 C', 'like 70%', 'each'.
QUALIFIES_RE = re.compile(
    r"(?:and\s+)?(?:unique(?:\s+(?:per|for|across|within|in|to)\s+.{1,30}|\s+of\s+course|\s+obviously)?|of\s+course|"
    r"obviously|naturally|anywhere\s+(?:from|between)\s+.+|somewhere\s+(?:from|between|in)\s+.+|"
    r"[-−]?\d[\d.,]*\s*(?:to|-|–)\s*[-−]?\d[\d.,]*\s*[A-Za-z°%/]{0,6}(?:\s+each)?|"
    r"(?:like|about|around|roughly)\s+\d[\d.]*\s*%|with\s+(?:one|two|three|\d)\s+decimals?(?:\s+places?)?|"
    r"in\s+(?:kg|g|cm|mm|m|km|kw|kwh|usd|eur|gbp|c|f|celsius|fahrenheit|minutes|hours|days|seconds|percent)|"
    r"(?:people|persons?),\s*full\s+names?)", re.I)
FULL_NAME_RE = re.compile(r"(?:and\s+)?(?:their\s+|the\s+)?full\s+names?", re.I)


def qualifies_previous(piece: str, previous: str = "") -> bool:
    """A comma piece that adds a rule to the column before it rather than naming a column ('full name' only
    after a person written as a possessive or a bare role: "the cartographer's, full name"; after 'employee id
    (unique)' it is a column of its own)."""
    piece = piece.strip().rstrip(".")
    if FULL_NAME_RE.fullmatch(piece):
        return bool(re.search(r"(?:'s|s')\s*$", previous.strip()))
    return bool(QUALIFIES_RE.fullmatch(piece))


WEIGHT_TAIL_RE = re.compile(r"\s+[-–—]{1,2}\s+(?P<note>[^()]*?\d\s*%[^()]*|(?:most|mostly|usually|roughly|about)\b[^()]*)$",
                            re.I)


def bracket_weight_tail(body: str) -> str:
    """'calm, nervous or aggressive - most should be calm, like 70%, ...' -> the weights in brackets, so the
    comma list reader keeps them with their values."""
    return WEIGHT_TAIL_RE.sub(lambda m: f" ({m['note'].strip()})", body)


PRESENT_RE = re.compile(r"\s*,\s*(?:where|when|if)\s+(?:present|known|available|applicable|given|recorded)\s*,\s*", re.I)
PARALLEL_RE = re.compile(r"^(?:and\s+)?the\s+(?P<label>(?!(?:is|are|was|were|be)\b)[A-Za-z][\w'-]*"
                         r"(?:\s+(?!(?:is|are|was|were|be)\b)[A-Za-z][\w'-]*){0,3}?)\s+(?:one\s+of(?!\s+\d)|either)\s+"
                         r"(?P<rest>.+)$", re.I)
# Where a spec sentence starts its next column: ', and the discharge timestamp, where present, shall ...',
# ', the requested amount between ...' after 'The income shall be between ...'.
SPEC_CUT_RE = re.compile(
    rf"(?:,\s*(?:and\s+)?|;\s*|\s+and\s+)(?=(?:the\s+|a\s+|an\s+|its\s+|their\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)"
    rf"{{0,4}}(?:\s*,[^,]{{1,30}},)?\s+{MODAL}\s)|"
    r",\s*(?:and\s+)?(?=the\s+[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,3}\s+(?:between|from|one\s+of|of\s+either)\s)", re.I)


def split_spec_clauses(clauses: list[str]) -> list[str]:
    """Clauses of a spec sentence cut where the next column starts; other clauses stay whole."""
    out: list[str] = []
    spec = False  # a clause after a spec clause of the same sentence is read as one ('..., the parts cost ...')
    for clause in clauses:
        spec = spec or bool(re.search(rf"\b{MODAL}\s", clause, re.I))
        if not spec:
            out.append(clause)
            continue
        last = 0
        for m in SPEC_CUT_RE.finditer(clause):
            if depth_at(clause, m.start()) == 0 and m.start() > last:
                out.append(clause[last:m.start()].strip())
                last = m.end()
        out.append(clause[last:].strip())
    return [c for c in out if c]


CONTAINER_WORDS = {"log", "logs", "record", "records", "data", "entry", "entries", "register", "sheet", "file", "list"}
# Words before a container that say nothing of what it holds: 'fake logs', 'some records', 'our data'.
PLAIN_BEFORE = {"a", "an", "the", "some", "fake", "mock", "dummy", "sample", "test", "synthetic", "realistic", "our", "my",
                "your", "their", "of", "generate", "make", "need", "want", "create", "simple", "random", "new", "few",
                "many", "more", "with", "for", "and", "or", "placeholder", "example", "demo"}


def is_qualified_container(phrase: str, text: str) -> bool:
    """'hive inspection logs', 'court case records': a container word after another noun holds that noun's
    rows, so it chooses no template of its own."""
    if phrase.lower() not in CONTAINER_WORDS:
        return False
    tokens = fm.tokenize(text)
    singular = fm.singular(phrase.lower())
    for i, token in enumerate(tokens):
        if fm.singular(token) == singular:
            return i > 0 and tokens[i - 1] not in PLAIN_BEFORE and not tokens[i - 1].isdigit()
    return False


def names_columns_at_length(text: str, named: int) -> bool:
    """A request of several sentences that names columns is no short request: a template must not replace them."""
    return named > 0 and len(text.split()) > 40


def drop_function_labels(drafts: list, warnings: list[str]) -> list:
    """Drafts whose label is only function words ('we', 'per case', 'if case') name no column: dropped, named
    in warnings; a label led by such a word ('then title of work') loses that word."""
    kept = []
    for draft in drafts:
        draft.label = re.sub(r"^(?:then|so|and|also|oh|plus|finally)\s+(?:the\s+)?(?=\w)", "", draft.label, flags=re.I)
        written = re.match(rf"\s*{re.escape(draft.label)}\s*[:=]", draft.source or "", re.I)  # 'from: airport code'
        if is_function_label(draft.label) and not draft.name and not written:
            warnings.append(f"'{draft.source[:80] or draft.label}' names no column (its label '{draft.label}' is only "
                            "function words); add it in the editor if it should be one")
            continue
        kept.append(draft)
    return kept
