"""The words that link tables: 'customers and their orders', 'invoices with 2-10 line items each',
'1 to 5 per customer', 'each order belongs to a customer', 'employees with their manager', 'order date
after the customer's signup'. Each finder answers what it read and the characters it used up."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from src.extraction.relational.counts import STRICT, ChildCount, read_count
from src.extraction.relational.model import CrossOrder, entity_key, is_entity, is_plural, trim_phrase

# A word starts only at a word boundary and never gives characters back: the patterns stay linear on
# any text (a 20,000-letter run included).
MAX_MATCHES = 200  # link words read per kind: more is no description of tables, and bounds the time
W = r"(?<![A-Za-z-])[A-Za-z][A-Za-z-]*+"
NP = rf"(?:{W}\s+)?{W}"
COUNT = (rf"(?:(?:between\s+|from\s+)?{STRICT}\s*(?:-|–|—|to|and)\s*{STRICT}|(?:up\s+to|at\s+most|at\s+least|"
         rf"no\s+more\s+than)\s+{STRICT}|{STRICT}\s+or\s+more|one\s+or\s+more|zero\s+or\s+more|a\s+few|several|"
         rf"multiple|many|exactly\s+{STRICT}|{STRICT})")
THEIR = r"(?:their|its|his|her|his\s+or\s+her)"
MODAL = r"(?:shall|should|must|will|would|can|could|may|might|typically|usually|normally|often|always)"
# Verbs of owning or making rows, in the third person and the plural: 'each author writes 1-3 posts', 'every
# customer places up to 5 orders', 'a post receives 0-20 comments'.
OWNING_VERB_STEMS = (
    "have", "contain", "hold", "get", "place", "own", "write", "receive", "teach", "take", "make", "submit", "create",
    "post", "publish", "send", "file", "book", "log", "record", "generate", "produce", "issue", "buy", "purchase",
    "rent", "borrow", "attend", "manage", "run", "host", "play", "earn", "collect", "raise", "open", "leave", "upload",
    "author", "include", "carry", "keep", "list", "employ", "see", "treat", "serve", "sell", "ship", "visit", "enrol",
    "enroll", "follow", "complete", "schedule", "lead", "supervise", "maintain", "store", "stock", "track", "offer",
    "accumulate", "accrue", "undergo", "perform", "conduct", "process", "handle", "order", "read", "give", "go on")


def third_person(verb: str) -> str:
    """'write' -> 'writes', 'teach' -> 'teaches', 'carry' -> 'carries', 'have' -> 'has'."""
    head, _, tail = verb.partition(" ")
    if head == "have":
        head = "has"
    elif head.endswith(("s", "sh", "ch", "x", "o")):
        head += "es"
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        head = head[:-1] + "ies"
    else:
        head += "s"
    return f"{head} {tail}".strip()


OWNING_VERBS = "|".join(sorted({form.replace(" ", r"\s+") for verb in OWNING_VERB_STEMS
                                for form in (verb, third_person(verb))}, key=len, reverse=True))
CUES = [
    # 'customers and their orders', 'authors with their posts'
    ("their", re.compile(rf"(?P<p>{NP})\s*,?\s+(?:and|with|plus|along\s+with|together\s+with|each\s+with)\s+"
                         rf"(?:all\s+)?{THEIR}\s+(?:own\s+)?(?P<c>{NP})", re.I)),
    # 'invoices with 2-10 line items each', 'each customer has 1 to 5 orders'
    ("count", re.compile(rf"(?:(?:each|every)\s+)?(?P<p>{NP})\s*,?\s+(?:each\s+)?(?:{MODAL}\s+)?(?:with|having|"
                         rf"{OWNING_VERBS}|that\s+(?:{MODAL}\s+)?(?:{OWNING_VERBS}))\s+"
                         rf"(?P<n>{COUNT})\s+(?P<c>{NP})(?:\s+(?:each|apiece))?", re.I)),
    # '1-5 orders per customer', '(1 to 5 per customer)'
    ("per", re.compile(rf"(?P<n>{COUNT})\s+(?:(?P<c>{NP})\s+)?(?:per|for\s+each|for\s+every)\s+(?P<p>{W})", re.I)),
    # 'each order belongs to a customer'
    ("belongs", re.compile(rf"(?:each|every|an?)\s+(?P<c>{W})\s+(?:{MODAL}\s+)?(?:belongs?\s+to|(?:is|be)\s+"
                           rf"(?:placed|made|owned|written|created|issued|submitted|taught|posted|sent|filed|booked|"
                           rf"raised|opened|handled|received|left|run|managed|held|logged|recorded|taken|given|"
                           rf"published|uploaded|authored|hosted|organi[sz]ed)\s+by|(?:is|be)\s+(?:linked|tied|assigned|"
                           rf"attached|allocated|connected|registered|enrolled|charged)\s+to|(?:is|be)\s+part\s+of|"
                           rf"references)\s+"
                           rf"(?:a|an|one|its|their|the|some)?\s*(?:single\s+)?(?P<p>{W})", re.I)),
    ("belongs", re.compile(rf"(?P<c>{NP})\s*,?\s+(?:each\s+)?(?:belonging\s+to|that\s+belongs?\s+to)\s+"
                           rf"(?:a|an|one|its|their|the)?\s*(?P<p>{W})", re.I)),
]
CONTAINER_RE = re.compile(
    rf"\b(?:blog|shop|store|webshop|e-?commerce\s+(?:site|store|shop)|school|database|db|app|system|platform|schema|"
    rf"dataset|data\s+model|model|crm|erp|site|marketplace|library|hospital|clinic|university|company|business|"
    rf"tables?|entities)\b\s*(?:with|containing|having|of|for|holding|:)\s+(?:tables?\s+(?:for\s+)?)?"
    rf"(?P<list>{NP}(?:\s*,\s*{NP})+\s*,?\s*(?:and|&)\s+{NP}|{NP}\s+(?:and|&)\s+{NP})", re.I)
SELF_ROLES = {"manager": "manager_id", "line manager": "manager_id", "boss": "manager_id",
              "supervisor": "supervisor_id", "team lead": "team_lead_id", "team leader": "team_lead_id",
              "mentor": "mentor_id", "referrer": "referred_by", "parent": "parent_id", "reports to": "manager_id"}
ROLE = (r"(?P<role>line\s+manager|manager|supervisor|boss|team\s+lead(?:er)?|mentor|referrer|"
        r"parent(?:\s+(?:category|comment|folder|account|node|organi[sz]ation|org|unit|department|task|location))?)s?")
SELF_CUES = [
    re.compile(rf"(?P<p>{NP})\s*,?\s+(?:and|with|plus|including|each\s+with)\s+(?:{THEIR}|an?|(?:each|every)\s+{W}(?:'s|’s))\s+"
               rf"(?:own\s+|direct\s+)?{ROLE}\b", re.I),
    re.compile(rf"(?:each|every|an?)\s+(?P<p>{W})\s+(?:reports\s+to|(?:can\s+|may\s+|might\s+)?(?:has|have)|is\s+managed\s+by|is\s+supervised\s+by|"
               rf"sits\s+under|is\s+nested\s+(?:under|in))\s+(?:a|an|one|another|their|its)\s+(?:other\s+)?"
               rf"{ROLE}\b(?!\s+(?:name|id|email|phone)\b)", re.I),
    re.compile(rf"(?:each|every|an?)\s+(?P<p>{W})\s+(?:reports\s+to|is\s+managed\s+by|is\s+supervised\s+by|"
               rf"sits\s+under|is\s+nested\s+(?:under|in)|is\s+a\s+child\s+of)\s+(?:a|an|one|another)\s+"
               rf"(?:other\s+)?(?P<same>{W})\b", re.I),
    re.compile(rf"(?P<p>{NP})\s+(?:in|as|forming|form|arranged\s+in)\s+an?\s+(?:hierarchy|tree)\b", re.I),
    # a column of the list: 'manager_id - another employee's id', 'reports to (an employee)'
    re.compile(rf"\b(?:{ROLE}|(?P<rt>reports[ _]to))(?:[ _]id)?\s*(?:[-–—:(,]|\bis\b)\s*(?:the\s+)?(?:id\s+of\s+)?"
               rf"(?:another|an|a|one|some\s+other)\s+(?:other\s+)?(?P<p>{W})(?:'s|’s)?(?:\s+id)?\b", re.I),
]
SELF_ROLE_RE = re.compile(ROLE, re.I)
ORDER_WORDS = {"after": "after", "later than": "after", "following": "after", "on or after": "after",
               "no earlier than": "after", "not before": "after", "since": "after",
               "before": "before", "earlier than": "before", "preceding": "before", "on or before": "before",
               "no later than": "before", "not after": "before", "prior to": "before"}
ORDER_RE = re.compile(
    rf"(?P<op>on\s+or\s+after|on\s+or\s+before|no\s+earlier\s+than|no\s+later\s+than|not\s+before|not\s+after|"
    rf"later\s+than|earlier\s+than|prior\s+to|after|before|following|preceding)\s+(?:the\s+|their\s+|its\s+|his\s+|"
    rf"her\s+)?(?:(?P<p>{W})(?:'s|’s|s'|’)\s+(?P<pf>(?:{W}\s+){{0,2}}?{W}(?:\s+(?:date|time|timestamp|datetime|day))?)\b|(?P<t>[A-Za-z_]\w*)\.(?P<tf>[A-Za-z_]\w*))",
    re.I)


@dataclass
class Link:
    parent: str              # entity keys
    child: str
    count: ChildCount | None = None
    self_role: str | None = None


@dataclass
class Reading:
    """What the link finders read from a text: links, mentions and the characters they used up."""

    links: list[Link] = field(default_factory=list)
    mentions: dict[str, str] = field(default_factory=dict)  # key -> the words naming it first
    used: list[tuple[int, int]] = field(default_factory=list)
    pending: list[tuple[int, str, ChildCount]] = field(default_factory=list)  # '(1 to 5 per customer)'

    def mention(self, phrase: str) -> str:
        key = entity_key(phrase)
        self.mentions.setdefault(key, phrase)
        return key

    def add(self, parent: str, child: str, count: ChildCount | None) -> None:
        for link in self.links:
            if link.child == child and link.parent == parent:
                link.count = link.count or count
                return
        if parent != child:
            self.links.append(Link(parent, child, count))


# Counted words that are sizes of one value, not rows: 'with 2 decimals', 'with 8 characters'.
UNIT_WORDS = {"decimal", "digit", "character", "char", "letter", "place", "word", "sentence", "value", "option",
              "category", "level", "year", "month", "week", "day", "hour", "minute", "second", "point", "star",
              "percent", "dollar", "euro", "time", "column", "field", "attribute", "row", "record", "entry"}


LINK_WORDS = {"with", "having", "and", "of", "that", "which", "who", "each", "per", "in", "on", "for", "from", "to",
              "at", "by", "including", "containing", "plus"}


EACH_RE = re.compile(r"^(?:each|every|any|a|an|one)\s", re.I)


def _parent_ok(phrase: str, kind: str, m: re.Match | None = None) -> bool:
    if kind == "belongs" or (kind == "count" and m is not None and EACH_RE.match(m.group(0))):
        return is_entity(phrase) or is_entity(phrase, counted=True)  # 'each author writes 1-3 posts': one is fine
    return is_entity(phrase, subject=True) or is_entity(phrase)


def _child_ok(phrase: str, kind: str, m: re.Match) -> bool:
    if kind == "their":  # 'employees with their manager' is a self-reference, not a managers table
        words = m["c"].split()
        # 'email addresses' is one column; 'orders with ...' is the orders
        raw = m["c"] if len(words) > 1 and words[-1].lower() not in LINK_WORDS else trim_phrase(m["c"])
        plural = is_plural(phrase.split()[-1])  # 'their orders' are rows; 'their average grade' is a column
        return plural and is_entity(phrase) and is_entity(raw) and not SELF_ROLE_RE.fullmatch(phrase.strip())
    if kind == "belongs":
        return is_entity(phrase) or is_entity(phrase, counted=True)
    if entity_key(phrase).split()[-1] in UNIT_WORDS:
        return False
    if is_entity(phrase):
        return True
    vague = not re.fullmatch(rf"(?:exactly\s+)?{STRICT}", m["n"].strip(), re.I)
    each = re.match(r"\s+(?:each|apiece|per)\b", m.string[m.end("c"):]) is not None
    return (vague or each or kind == "per") and is_entity(phrase, counted=True)


def _owner_ok(phrase: str) -> bool:
    """Whether the words just before 'and their' can own rows: not a column ('name and email, and their
    orders') or a unit of a value ('in the last 2 years, and their orders')."""
    return bool(phrase) and entity_key(phrase).split()[-1] not in UNIT_WORDS and _parent_ok(phrase, "their")


SUBJECT_RE = re.compile(rf"(?:^|(?<=[.;!?:]\s)|\b(?:generate|create|make|need|want|give\s+me|build)\s+)"
                        rf"(?:(?:about|around|some|roughly|~)\s*)?(?:\d[\d,.]*\s*(?:k|m|thousand|million)?\s+)?"
                        rf"(?P<p>{NP})", re.I)


def _sentence_subject(text: str, end: int) -> tuple[str, int]:
    """The entity a sentence opens with ('1000 customers with ...'), whom a later 'their' refers to."""
    start = max(text.rfind(stop, 0, end) for stop in (". ", "; ", "! ", "? ", "\n")) + 1
    for m in SUBJECT_RE.finditer(text, start, end):
        phrase, at, _ = _phrase_at(m, "p")
        if phrase and _parent_ok(phrase, "their") and entity_key(phrase).split()[-1] not in UNIT_WORDS:
            return phrase, at
    return "", end


def _enclosing_brackets(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The '(...)' around text[start:end], when there is one on the same clause."""
    opened, closed = text.rfind("(", 0, start), text.find(")", end)
    if opened < 0 or closed < 0 or ")" in text[opened:start] or "(" in text[end:closed]:
        return None
    return opened, closed + 1


def _phrase_at(match: re.Match, group: str) -> tuple[str, int, int]:
    """The entity words of a matched noun phrase and where they sit."""
    raw = match[group]
    words = trim_phrase(raw)
    start = match.start(group) + raw.lower().rfind(words.lower()) if words else match.start(group)
    return words, start, start + len(words)


def read_links(text: str, known: frozenset[str] = frozenset()) -> Reading:
    """Every stated link between tables in ``text`` (one line of prose, or a section's words); ``known``:
    entity keys already named (a section's title), taken as entities whatever their words."""
    reading = Reading()
    for kind, pattern in CUES:
        for m in itertools.islice(pattern.finditer(text), MAX_MATCHES):
            parent, p_start, _ = _phrase_at(m, "p")
            words_end = p_start + len(parent)  # where the linking words start
            if kind == "their" and not _owner_ok(parent):
                words_end = m.end("p")  # the words before 'and their' stay the owner's columns
                parent, p_start = _sentence_subject(text, m.start("p"))
            child = trim_phrase(m["c"]) if m["c"] else ""
            counted = kind in ("count", "per")
            if kind == "per" and not child:
                span = _enclosing_brackets(text, m.start(), m.end()) or m.span()
                words = text[span[0]:span[1]] if span != m.span() else m["n"]
                count = read_count(words, bare_number=True)
                if count and (is_entity(parent) or entity_key(parent) in known):
                    reading.used.append(span)
                    reading.pending.append((m.start(), entity_key(parent), count))
                continue
            if not (parent and child and _parent_ok(parent, kind, m) and _child_ok(child, kind, m)):
                continue
            count = read_count(m["n"], bare_number=True) if counted else None
            p_key, c_key = reading.mention(parent), reading.mention(child)
            reading.add(p_key, c_key, count)
            if kind == "their":  # 'and their': only the connecting words are used up
                c_start = m.start("c") + m["c"].lower().rfind(child.lower())
                reading.used.append((words_end, c_start))
            elif kind == "count":
                c_start = m.start("c") + m["c"].lower().rfind(child.lower())
                reading.used.append((p_start + len(parent), c_start))
                tail = re.match(r"\s+(?:each|apiece)\b", text[m.end("c"):])
                if tail:
                    reading.used.append((m.end("c"), m.end("c") + tail.end()))
            elif kind == "belongs" and m.start("c") < m.start("p"):
                # 'each task belongs to a project, with a title': only the linking words are used up, so
                # the child's own words still start at its mention
                reading.used.append((m.end("c"), m.end()))
            else:
                reading.used.append(m.span())
    _read_containers(text, reading)
    _read_self_links(text, reading)
    return reading


def _read_containers(text: str, reading: Reading) -> None:
    """'a blog with authors, posts and comments': the entities, in order (linked later by known pairs)."""
    for m in CONTAINER_RE.finditer(text):
        phrases = [trim_phrase(p) for p in re.split(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", m["list"])]
        if len(phrases) >= 2 and all(p and is_entity(p, subject=True) for p in phrases):
            for phrase in phrases:
                reading.mention(phrase)
            reading.used.append((m.start("list"), m.start("list")))


def _read_self_links(text: str, reading: Reading) -> None:
    for pattern in SELF_CUES:
        for m in pattern.finditer(text):
            parent, p_start, p_end = _phrase_at(m, "p")
            same = m.groupdict().get("same")
            if same and entity_key(same) != entity_key(parent):
                continue
            if not parent or not (_parent_ok(parent, "belongs") or same):
                continue
            role = re.sub(r"\s+", " ", (m.groupdict().get("role") or ("reports to" if m.groupdict().get("rt")
                                                                    else "parent")).lower())
            role = "parent" if role.startswith("parent") else role
            key = reading.mention(parent)
            if not any(link.self_role for link in reading.links if link.child == key):
                reading.links.append(Link(key, key, self_role=SELF_ROLES.get(role, "parent_id")))
            reading.used.append((p_end, m.end()))


def read_orders(text: str, keys: set[str]) -> tuple[list[tuple[int, int, CrossOrder]], str]:
    """'order date after the customer's signup' -> CrossOrder('order date', 'after', 'customer', 'signup'),
    where the possessive names one of ``keys``; answers each with its span and the text without them."""
    found = []
    for m in ORDER_RE.finditer(text):
        if m["t"]:
            p_key, words = entity_key(m["t"]), m["tf"].replace("_", " ")
        else:
            p_key, words = entity_key(m["p"]), m["pf"]
        if p_key not in keys and not any(entity_key(k) == p_key or k.split()[-1] == p_key for k in keys):
            continue
        p_key = next((k for k in keys if k == p_key or k.split()[-1] == p_key), p_key)
        before = text[:m.start()]
        field_words = re.findall(rf"{W}", re.split(r"[,;:(\n]|\band\b", before)[-1])
        op = ORDER_WORDS[re.sub(r"\s+", " ", m["op"].lower())]
        found.append((m.start(), m.end(), CrossOrder(" ".join(field_words[-3:]), op, p_key, words)))
    rest = text
    for start, end, _ in reversed(found):
        rest = rest[:start] + rest[end:]
    return found, rest
