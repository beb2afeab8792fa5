"""Entity split of prose: the tables a paragraph names, each with its own words, rows and parent."""

from __future__ import annotations

import re

from src.extraction.relational.counts import read_count
from src.extraction.relational.links import Reading, read_links, read_orders
from src.extraction.relational.model import EntityDraft, entity_key, is_entity, table_name, trim_phrase

# Who usually owns whom, for entities listed without words that link them ('a blog with authors, posts and
# comments'): child key -> parent keys, most likely first.
KNOWN_PARENTS = {
    "order": ["customer", "user", "client", "buyer", "shopper"],
    "order line": ["order", "invoice"], "line item": ["invoice", "order"], "order item": ["order"],
    "item": ["order", "invoice"], "invoice": ["customer", "client", "company"],
    "payment": ["invoice", "order", "customer", "account"], "transaction": ["account", "customer", "user"],
    "post": ["author", "user", "blog", "member"], "comment": ["post", "article", "author", "user"],
    "article": ["author", "blog"], "review": ["product", "customer", "user", "book", "movie"],
    "enrollment": ["student", "course"], "grade": ["student", "course"], "employee": ["department", "company"],
    "appointment": ["patient", "doctor"], "prescription": ["patient", "doctor"], "task": ["project"],
    "ticket": ["customer", "user"], "album": ["artist"], "track": ["album", "artist"], "song": ["album", "artist"],
    "book": ["author"], "loan": ["member", "book", "customer"], "session": ["user"], "event": ["user", "session"],
    "shipment": ["order"], "account": ["customer", "user"], "pet": ["owner", "customer"], "player": ["team"],
    "match": ["team"], "lesson": ["course"], "milestone": ["project"], "reply": ["comment", "post"],
}
ROWS_BEFORE_RE = re.compile(r"(?<![-–\d.,])(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<s>k|m|thousand|million)?\s+"
                            r"(?:[A-Za-z-]+\s+){0,2}$", re.I)
SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6}


def read_rows_before(text: str) -> int | None:
    """'Generate 1000 ' before 'customers' -> 1000."""
    m = ROWS_BEFORE_RE.search(text[-40:])
    if not m or re.search(r"\b(?:to|up\s+to|between|and|than)\s*$", text[:len(text) - len(m.group(0))][-12:], re.I):
        return None
    count = int(round(float(m["n"].replace(",", "")) * SCALE.get((m["s"] or "").lower(), 1)))
    return count if 0 < count <= 10**12 else None


def split_prose(text: str) -> list[EntityDraft] | None:
    """The tables a paragraph names, or None when it describes one entity (no stated link)."""
    flat = re.sub(r"\s+", " ", text).strip()
    reading = read_links(flat)
    _attach_pending(flat, reading)
    keys = list(reading.mentions)
    if not reading.links and len(keys) < 2:
        return None
    drafts = {k: EntityDraft(key=k, table=table_name(k)) for k in keys}
    for link in reading.links:
        draft = drafts[link.child]
        if link.self_role:
            draft.self_ref = link.self_role
        elif draft.parent is None:
            draft.parent, draft.count = link.parent, link.count
        elif link.parent not in draft.references and link.parent != draft.parent:
            draft.references.append(link.parent)
    link_by_known_pairs(list(drafts.values()))
    _cut_spans(flat, reading, drafts)
    return list(drafts.values())


def _attach_pending(flat: str, reading: Reading) -> None:
    """'orders (1 to 5 per customer)': the count belongs to the entity named just before it."""
    for pos, parent, count in reading.pending:
        before = [(flat.lower().rfind(phrase.lower(), 0, pos), key) for key, phrase in reading.mentions.items()
                  if key != parent]
        before = [b for b in before if b[0] >= 0]
        if before:
            child = max(before)[1]
        else:
            words = re.findall(r"[A-Za-z][A-Za-z-]*", flat[max(0, pos - 200):pos])[-12:]
            phrase = next((trim_phrase(" ".join(words[max(0, i - 1):i + 1])) for i in range(len(words) - 1, -1, -1)
                           if is_entity(trim_phrase(" ".join(words[max(0, i - 1):i + 1])))), None)
            if phrase is None or entity_key(phrase) == parent:
                continue
            child = reading.mention(phrase)
        reading.mention(parent)
        reading.mentions.setdefault(parent, parent)
        for link in reading.links:
            if link.child == child and link.parent == parent:
                link.count = link.count or count
                break
        else:
            reading.add(parent, child, count)


def link_by_known_pairs(drafts: list[EntityDraft]) -> None:
    """Entities with no stated parent: the usual owner among the others, else the one listed before."""
    keys = [d.key for d in drafts]
    stated = any(d.parent for d in drafts)
    for i, draft in enumerate(drafts):
        if draft.parent is not None:
            continue
        known = [p for p in KNOWN_PARENTS.get(draft.key, KNOWN_PARENTS.get(draft.key.split()[-1], [])) if p in keys]
        if known:
            draft.parent = known[0]
            draft.references += [p for p in known[1:] if p not in draft.references]
        elif i > 0 and not stated and not _is_known_parent_of(draft.key, [k for k in keys if k != draft.key]):
            draft.parent = keys[i - 1]  # a list read in order: each entity owns the next
        if draft.parent and _creates_cycle(drafts, draft):
            draft.parent = None


def _is_known_parent_of(key: str, others: list[str]) -> bool:
    return any(key in KNOWN_PARENTS.get(o, []) for o in others)


def _creates_cycle(drafts: list[EntityDraft], draft: EntityDraft) -> bool:
    by_key = {d.key: d for d in drafts}
    seen, at = set(), draft.parent
    while at is not None and at not in seen:
        if at == draft.key:
            return True
        seen.add(at)
        at = by_key[at].parent if at in by_key else None
    return False


def _cut_spans(flat: str, reading: Reading, drafts: dict[str, EntityDraft]) -> None:
    """Each entity's own words: from its first free mention to the next entity's."""
    chars = list(flat)
    for start, end in reading.used:
        for i in range(start, min(end, len(chars))):
            chars[i] = " "
        if start < len(chars) and end > start:
            chars[start] = ","
    blanked = "".join(chars)
    starts, firsts = [], {}
    for key, draft in drafts.items():
        phrase = reading.mentions.get(key, key)
        forms = {phrase.lower(), draft.table.replace("_", " "), key}
        hits = [m for form in forms for m in re.finditer(rf"\b{re.escape(form)}\b", blanked, re.I)]
        if hits:
            firsts[key] = min(m.start() for m in hits)
            starts += [(m.start(), key) for m in hits if m.start() == firsts[key] or _opens_own_words(blanked, m)]
    starts = sorted(set(starts))
    segments: dict[str, list[str]] = {}
    for n, (start, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blanked)
        segments.setdefault(key, []).append(_drop_trailing_mention(blanked[start:end], drafts))
    for key, start in firsts.items():
        draft = drafts[key]
        draft.rows = read_rows_before(blanked[:start]) or _rows_stated_later(flat, draft, reading)
        orders, span = read_orders(_join_segments(segments[key]), set(drafts))
        draft.orders = [o for _, _, o in orders]
        draft.text = _clean(span)
        draft.has_columns = bool(re.search(r"\b(?:with|having|including|containing)\s+\S|:\s*\S", draft.text, re.I)) \
            or "(" in draft.text
    for key, draft in drafts.items():
        if not draft.text:
            draft.text = reading.mentions.get(key, key)


OPENING_RE = re.compile(r"(?:^|[.;!?:]\s+)(?:(?:then|also|and|finally|next)\s*,?\s+)?(?:there\s+(?:are|is|will\s+be|shall\s+be)\s+)?"
                        r"(?:(?:each|every|all|the|a|an|our|any)\s+)?$", re.I)


def _opens_own_words(blanked: str, m: re.Match) -> bool:
    """A later mention that starts the entity's own words: a sentence about it ('Each borrower has a full name',
    'There are teams, each with ...') or its columns right after it ('matches, with a match id')."""
    after = blanked[m.end():]
    if re.search(r",\s{2,}$|\s{3,}$", blanked[max(0, m.start() - 8):m.start()]):
        return True  # the other end of link words read and used up ('each borrower has 1-3 loans')
    if re.match(r"s?\s*[,;]?\s*(?:\(|:|(?:each\s+)?(?:with|having|including|containing)\b)", after, re.I):
        return True
    return bool(OPENING_RE.search(blanked[max(0, m.start() - 60):m.start()])) and \
        not re.match(r"s?\s+(?:id|name|code|number|key|date|count|type)\b", after, re.I)


BARE_WORDS = {"table", "tables", "entity", "and", "a", "an", "the", "of", "list", "set"}


def _join_segments(segments: list[str]) -> str:
    """An entity's words from each place that speaks of it: the first, then the others without their opening
    mention ('borrower' + 'Each borrower has a full name' -> 'borrower with a full name')."""
    text = segments[0].strip(" ,;.")
    for segment in segments[1:]:
        rest = _clean(segment)
        rest = re.sub(r"^[A-Za-z][\w-]*\s*(?:with\b)?\s*", "", rest, count=1).strip(" ,;.")
        if not rest:
            continue
        words = [w for w in re.findall(r"[A-Za-z][\w-]*", text) if w.lower() not in BARE_WORDS]
        bare = len(words) <= 2 and not re.search(r"\bwith\b|[:(]", text)
        if bare:
            text = re.sub(r"(?:\s*[,;]?\s+(?:and|a|an|the|of))+$", "", text, flags=re.I)
        text = f"{text} with {rest}" if bare else f"{text}, {rest}"
    return text


def _drop_trailing_mention(span: str, drafts: dict[str, EntityDraft]) -> str:
    """'customers with name and city; every customer' (before 'places 1-5 orders'): the mention that opens the
    link is no column of the span it ends."""
    forms = "|".join(sorted({re.escape(f) for k, d in drafts.items() for f in (k, d.table.replace("_", " "))},
                            key=len, reverse=True))
    span = re.sub(rf"[\s,;.]*\b(?:each|every|any|an?|one|the)\s+(?:{forms})s?[\s,;.]*$", "", span, flags=re.I)
    span = re.sub(r"[\s,;.]*\b(?:(?:then|also|and)\s+)?(?:there\s+(?:are|is)\s+)?(?:each|every|any)\s*$", "", span, flags=re.I)
    return re.sub(r"\s*[.;]\s*(?:(?:then|also|and)\s+)?(?:there\s+(?:are|is)\s+)?(?:an?|one|the|our)?\s*$", "", span,
                  flags=re.I)


def _rows_stated_later(flat: str, draft: EntityDraft, reading: Reading) -> int | None:
    """'employees with their manager, 300 employees': a table without a parent counted at a later mention."""
    if draft.parent is not None:
        return None
    forms = {reading.mentions.get(draft.key, draft.key).lower(), draft.table.replace("_", " "), draft.key}
    for form in sorted(forms, key=len, reverse=True):
        for m in re.finditer(rf"\b{re.escape(form)}s?\b", flat, re.I):
            rows = read_rows_before(flat[:m.start()])
            if rows:
                return rows
    return None


def _clean(text: str) -> str:
    """Strip the leftovers of used-up words: stray commas, 'and', 'each' at the ends."""
    text = re.sub(r"\(\s*[,;]?\s*\)", " ", text)
    text = re.sub(r"\s*,(?:\s*,)+", ",", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;.")
    text = re.sub(r"\s*,\s*(?=(?:with|having|including|containing)\b)", " ", text, flags=re.I)
    text = re.sub(r"^(?:and|with|each|plus)\b\s*", "", text, flags=re.I)
    # 'employee , . Employees have name, email': a leftover mention, then the sentence that lists columns
    # ('customers with name and email. Each ...' lists columns: it stays)
    text = re.sub(r"^(?![^.]*\b(?:with|having|including|containing)\s)[A-Za-z][\w -]{0,40}?\s*[,;]?\s*\.\s+(?=[A-Z])",
                  "", text)
    # 'task, and has a title', 'author. Authors have a name; books have a title': each sentence's own 'have'
    text = re.sub(r"^([A-Za-z][\w -]{0,40}?)\s*,?\s+(?:and\s+)?(?:each\s+)?(?:(?:shall|should|must|will)\s+)?"
                  r"(?:have|has|contain|contains|include|includes|hold|holds)\s+(?:an?\s+|the\s+)?", r"\1 with ",
                  text, flags=re.I)
    text = re.sub(r"(?:[,;]?\s*\b(?:and|with|each|plus|where|of)\b)+$", "", text, flags=re.I).strip(" ,;.")
    # 'customers (name, email, country)': a bracketed column list right after the entity
    return re.sub(r"^([A-Za-z][\w -]{0,40}?)\s*\(([^()]*,[^()]*)\)", r"\1 with \2,", text).strip(" ,;.")
