"""Letter framing: a description written as an e-mail or a ticket keeps only the words about the data.

Greeting lines ('Hi team,'), a greeting that opens the first sentence ('Hello, please create ...'), the
sign-off and the signature after it ('Thanks,' / 'Best regards, Tom'), and thanks in passing ('Thanks so
much!') name no column. A 'Subject:' line becomes a sentence of the scene: it may name the entity.
"""

from __future__ import annotations

import re

GREETING_LINE_RE = re.compile(
    r"^\s*(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening)|hiya|yo)\b[^.\n:]{0,40}?[,!.]?\s*$", re.I)
GREETING_LEAD_RE = re.compile(
    r"^\s*(?:hi|hello|hey|greetings|good\s+(?:morning|afternoon|evening))(?:\s+(?:there|team|all|folks|everyone|guys))?"
    r"\s*[,!.]\s*", re.I)
SIGN_OFF_RE = re.compile(
    r"^\s*(?:thanks|thank\s+you|many\s+thanks|thanks\s+in\s+advance|cheers|regards|best|best\s+regards|kind\s+regards|"
    r"warm\s+regards|sincerely|yours(?:\s+truly)?|thx|ty|br)\b[^\n]{0,60}$", re.I)
MAIL_HEADER_RE = re.compile(r"^(?:from|to|cc|bcc|date|sent)\s*:\s*\S", re.I)
SUBJECT_RE = re.compile(r"^\s*(?:subject|re|fwd?|title)\s*:\s*(?P<s>.+?)\s*$", re.I)
THANKS_SENTENCE_RE = re.compile(
    r"(?:(?<=[.!?])|^)\s*(?:thanks|thank\s+you|many\s+thanks|cheers)(?:\s+(?:so|very)\s+much|\s+a\s+lot|\s+in\s+advance)?"
    r"\s*[!.]+(?=\s|$)", re.I | re.M)
MAX_SIGNATURE_LINES = 3


def strip_letter(text: str) -> tuple[str, list[str]]:
    """The text without the letter's greeting, sign-off and signature (other text is kept as written),
    and the words it left out, for the warnings."""
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    while first + 1 < len(lines) and MAIL_HEADER_RE.match(lines[first]):
        first += 1  # 'From: ...', 'To: ...' above the subject
    # a subject line opens a letter; 'title: ...' indented under 'columns:' or further down is a column
    subject_at = first if SUBJECT_RE.match(lines[first] if lines else "") and not lines[first][:1].isspace() else None
    if not any(GREETING_LINE_RE.match(line) or SIGN_OFF_RE.match(line) for line in lines) and subject_at is None:
        if not GREETING_LEAD_RE.match(text):
            return text, []
    kept: list[str] = []
    dropped: list[str] = []
    for i, line in enumerate(lines):
        tail = [later for later in lines[i + 1:] if later.strip()]
        if SIGN_OFF_RE.match(line) and len(tail) <= MAX_SIGNATURE_LINES and all(len(t.split()) <= 4 for t in tail):
            dropped.append(" / ".join([line.strip()] + [t.strip() for t in tail]))
            break  # the sign-off and the signature under it
        if GREETING_LINE_RE.match(line) and len(line.split()) <= 6:
            dropped.append(line.strip())
            continue
        subject = SUBJECT_RE.match(line) if i == subject_at else None
        if subject:
            kept.extend([subject["s"].rstrip(".") + ".", ""])
            continue
        kept.append(line)
    out = "\n".join(kept).strip()
    lead_re = re.compile(r"(?:^|(?<=\n\n))" + GREETING_LEAD_RE.pattern[1:], re.I)
    dropped.extend(m.group(0).strip() for m in lead_re.finditer(out))
    out = lead_re.sub("", out)
    dropped.extend(m.group(0).strip() for m in THANKS_SENTENCE_RE.finditer(out))
    out = THANKS_SENTENCE_RE.sub(" ", out)
    return (out.strip(), dropped) if out.strip() else (text, [])
