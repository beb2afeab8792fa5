"""The meaning stage: a draft's label tokens, corrected by what its qualifiers read -> what the column is."""

from __future__ import annotations

import re

from src.extraction import field_meaning as fm
from src.extraction.drafts import FieldDraft


SELF_FORMATTED_TYPES = {"phone", "email", "url", "ipv4", "ipv6", "iban", "credit_card_number", "date", "datetime",
                        "time", "date_of_birth", "uuid", "mac_address", "domain", "user_agent"}
# Types whose values an explicit '5 digits' or '8 alphanumeric characters' may replace by a code pattern.
CODE_LIKE_TYPES = {"postal_code", "account_number", "phone", "string", "integer", "code", "sequence", "word"}
# Self-formatted types a stated run of digits still replaces: a '12-digit library card number' is no bank card.
DIGIT_RUN_TYPES = {"credit_card_number"}
# Nouns for people by their role: a 'Referee' or 'Cashier' column holds a person's name.
ROLE_NOUNS = {
    "referee", "umpire", "coach", "cashier", "inspector", "pilot", "captain", "tutor", "trainer", "mechanic",
    "courier", "waiter", "waitress", "clerk", "officer", "judge", "lawyer", "attorney", "surgeon", "pharmacist",
    "therapist", "consultant", "recruiter", "auditor", "examiner", "dispatcher", "approver", "requester", "chef",
    "stylist", "realtor", "mentor", "caregiver", "salesperson", "dentist", "veterinarian", "vet", "nanny",
    "cleaner", "plumber", "electrician", "guard", "steward", "stewardess", "bartender", "barista", "cook",
    "accountant", "architect", "interviewer", "interviewee", "moderator", "presenter", "speaker", "organizer",
    "organiser", "preparer", "signatory", "witness", "beneficiary", "guarantor", "borrower", "lender", "sender",
    "recipient", "receiver", "payee", "payer", "landlady", "homeowner", "occupant", "resident", "visitor",
    "attendee", "participant", "player", "athlete", "runner", "rider", "caller", "operator", "analyst",
    "developer", "designer", "engineer", "scientist", "researcher", "professor", "lecturer", "picker", "packer",
    "handler", "advisor", "adviser", "counselor", "counsellor", "adjuster", "underwriter", "banker", "teller",
    "donor", "claimant", "policyholder", "prescriber", "salesman", "saleswoman",
    "paramedic", "midwife", "director", "producer", "composer", "narrator", "conductor", "curator",
    "photographer", "screenwriter", "illustrator", "translator", "instructor", "supervisor", "reviewer",
    "skipper", "jockey", "plaintiff", "defendant", "complainant", "respondent", "petitioner", "appellant",
    "claimant", "suspect", "victim", "caddie", "golfer", "bowler", "batter", "pitcher", "goalkeeper", "keeper",
    "striker", "surveyor", "assessor", "notary", "solicitor", "barrister", "prosecutor", "clinician",
    "radiologist", "anesthetist", "anaesthetist", "groomer", "farrier", "breeder", "rancher", "farmer",
    "beekeeper", "ranger", "warden", "lifeguard", "chaperone", "volunteer", "coordinator", "planner",
    "facilitator", "proctor", "invigilator", "grader", "marker", "scorer", "officiant", "celebrant",
}
# Past participles that say when something happened: a column 'opened' or 'dispatched' is a moment.
EVENT_PARTICIPLES = {"opened", "closed", "started", "ended", "finished", "dispatched", "logged", "submitted",
                     "resolved", "acknowledged", "escalated", "departed", "arrived", "landed", "boarded"}
# Label heads that name a moment when the label names no span: 'obs start', 'shift end', 'scheduled departure'.
MOMENT_HEADS = {"start", "end", "begin", "finish", "departure", "arrival", "takeoff", "landing", "pickup",
                "dropoff", "checkin", "checkout"}
FIRST_NAME_ONLY_RE = re.compile(r"\b(?:first|given)[\s-]+names?(?:\s+only)?\b|\bonly\s+(?:the\s+)?(?:first|given)\s+names?\b",
                                re.I)
# Label endings that name a day: 'pay period end', 'contract start', 'pay date'.
DAY_HEADS = {"date", "day", "deadline", "payday"}
SPAN_WORDS = {"period", "month", "week", "quarter", "year", "term", "contract", "trial", "shift", "billing", "fiscal",
              "cycle", "season", "semester", "lease", "subscription", "campaign", "promotion", "sprint", "coverage"}
BOOLEAN_LEADS = {"is", "has", "have", "was", "were", "can", "does", "did", "should", "allows", "needs", "uses", "whether"}
# A noun for an extra a row has or not, named with no rule: 'personal training add-on', 'towel service', 'opt-in'.
EXTRA_NOUN_RE = re.compile(r"(?:\badd[- ]?ons?|\bopt[- ]?ins?|\bupgrade|\b(?:towel|valet|laundry|shuttle|breakfast|"
                           r"parking|locker|delivery|gift[- ]wrap(?:ping)?|wifi|wi-fi)\s+(?:service|included|option))$", re.I)


# Types a column's rule may name outright whatever its label says ('origin: IATA airport code').
RESTATED_TYPES = {"airport_code", "currency_code", "country_code", "postal_code", "iban", "ipv4", "ipv6", "url", "email",
                  "phone", "uuid", "mac_address", "credit_card_number", "license_plate"}


def find_draft_meaning(draft: FieldDraft) -> fm.Meaning | None:
    """What the column is, from its label, corrected by what the qualifiers said."""
    found = fm.classify_tokens(draft.tokens)
    leftover_tokens = fm.tokenize(draft.leftover)
    if found is None and 0 < len(leftover_tokens) <= 3:
        found = fm.classify_tokens(leftover_tokens)  # 'Pickup spot (city)'
    meaning = found.meaning if found else None
    restated = fm.classify_tokens(leftover_tokens) if leftover_tokens and len(leftover_tokens) <= 4 else None
    if restated is not None and restated.meaning.type in RESTATED_TYPES and len(restated.phrase.split()) >= 2 \
            and (meaning is None or meaning.type in ("city", "country", "state", "string", "code")):
        meaning = restated.meaning  # 'origin: 3-letter airport code' is an airport code, not a city
        draft.constraints.pop("pattern", None)
    if found and found.phrase in ("name", "title") and found.start > 0:
        meaning = meaning_of_named_thing(draft.tokens[: found.start], meaning)
    last = draft.tokens[-1] if draft.tokens else ""
    if meaning and meaning.type == "integer" and found.phrase in ("number", "no") and last in ("number", "no") \
            and len(draft.tokens) > 1 and "of" not in draft.tokens:
        meaning = fm.Meaning("code", fm.ID)  # 'Customer number' names someone, 'Number of items' counts
    if counts_a_plural(draft.tokens):
        meaning = fm.Meaning("integer", fm.INT)  # 'seats total', 'total guests': how many, not an amount of money
    if (meaning is None or meaning.kind != fm.TEMPORAL) and names_a_day(draft.tokens) and not draft.enum_items:
        meaning = fm.Meaning("date", fm.TEMPORAL)  # 'Pay period end', 'Billing cycle start', 'Payday'
    extra = EXTRA_NOUN_RE.search(draft.label) and not draft.enum_items and not draft.numeric_range \
        and not draft.rest_text.strip(" ,;.()")
    if last in ("at", "on", "since") and len(draft.tokens) > 1 and (meaning is None or meaning.kind != fm.TEMPORAL) \
            and not extra:
        meaning = fm.Meaning("datetime" if last == "at" else "date", fm.TEMPORAL)
    if (draft.tokens[:1] and draft.tokens[0] in BOOLEAN_LEADS and len(draft.tokens) > 1 and not draft.enum_items) \
            or (extra and (meaning is None or meaning.kind == "text")):
        meaning = fm.Meaning("boolean", "bool")  # 'Is refund', 'Has children', 'personal training add-on'
    if names_a_moment(draft.tokens) and (meaning is None or meaning.type == "date") and not draft.enum_items \
            and not draft.numeric_range:
        meaning = fm.Meaning("datetime", fm.TEMPORAL)  # 'opened', 'obs start', 'scheduled departure'
    if meaning is None and last in ROLE_NOUNS and not draft.numeric_range and not draft.enum_items:
        meaning = fm.Meaning("full_name")  # 'Referee', 'Prescribing cashier': a person
    if meaning is not None and meaning.type == "full_name" and FIRST_NAME_ONLY_RE.search(draft.description):
        meaning = fm.Meaning("first_name")  # 'inspector (first name only)'
        if draft.condition_text and FIRST_NAME_ONLY_RE.search(draft.condition_text + " only"):
            draft.condition_text = None
    if meaning is None and draft.pool and not draft.numeric_range:
        meaning = fm.Meaning("code", fm.ID)  # 'Station (from 25 stations)'
    if draft.length and draft.length.pattern and (meaning is None or meaning.type in CODE_LIKE_TYPES or (
            meaning.type in DIGIT_RUN_TYPES and re.fullmatch(r"\\d\{\d+\}", draft.length.pattern))):
        draft.constraints.setdefault("pattern", draft.length.pattern)  # 'Zip code (5 digits)'
    if meaning is not None and meaning.kind != fm.ID and draft.constraints.get("pattern"):
        meaning = fm.Meaning("code", "text")
    if draft.enum_items and {str(i.value).lower() for i in draft.enum_items} == {"true", "false"}:
        if all(i.weight is not None for i in draft.enum_items):  # 'true/false, mostly false'
            weights = {str(i.value).lower(): i.weight for i in draft.enum_items}
            draft.constraints["enum_values"] = [True, False]
            draft.constraints["weights"] = [weights["true"], weights["false"]]
        draft.enum_items, meaning = None, fm.Meaning("boolean", "bool")
    if last in ("no", "nr", "num", "ref") and len(draft.tokens) > 1 and (meaning is None or (
            meaning.kind != fm.ID and meaning.type not in SELF_FORMATTED_TYPES and meaning.kind == "text")):
        meaning = fm.Meaning("code", fm.ID)  # 'Invoice no', 'Student no'
    if meaning is not None and meaning.type == "boolean" and draft.numeric_range is not None \
            and draft.numeric_range.is_money:
        meaning = fm.Meaning("decimal", fm.MONEY)  # 'flag fall $3.00' is an amount
    elif meaning is not None and meaning.type == "boolean" and draft.period is not None and not draft.enum_items:
        meaning = fm.Meaning("date", fm.TEMPORAL)  # 'returned: last quarter' says when, not whether
    elif meaning is not None and meaning.type == "boolean" and _spans_more_than_a_flag(draft.numeric_range) \
            and not draft.enum_items:
        meaning = fm.Meaning("integer", fm.INT)  # 'seats available (80 to 320)' counts, it flags nothing
    if "%" in draft.label or (draft.tokens and draft.tokens[-1] in ("percent", "pct", "percentage")):
        if meaning is None or meaning.kind in (fm.MONEY, fm.INT, fm.FLOAT):
            meaning = fm.Meaning("float", fm.PERCENT, {"min_value": 0, "max_value": 100})  # 'tip % (0-30)'
    return meaning


def _spans_more_than_a_flag(numeric_range) -> bool:
    """A stated range beyond 0/1 ('80 to 320') is a number, whatever the label's flag word."""
    high = numeric_range.high if numeric_range is not None else None
    return high is not None and high.value > 1 and not numeric_range.is_percent


def counts_a_plural(tokens: list[str]) -> bool:
    """'seats total', 'total guests', 'tickets count': a total of a plural noun that is no amount of money."""
    if len(tokens) != 2 or not {"total", "count", "number"} & set(tokens):
        return False
    noun = tokens[1] if tokens[0] in ("total", "count", "number") else tokens[0]
    if noun in ("total", "count", "number") or fm.singular(noun) == noun or len(noun) < 4:
        return False
    found = fm.classify_tokens([noun])
    return found is None or found.meaning.kind not in (fm.MONEY, fm.FLOAT, fm.PERCENT, fm.TEMPORAL)


def names_a_moment(tokens: list[str]) -> bool:
    """'opened', 'obs start', 'scheduled departure': a label for when an event happened, down to the minute."""
    if not tokens or tokens[-1] in DAY_HEADS or (len(tokens) >= 2 and tokens[-2] in SPAN_WORDS):
        return False
    return tokens[-1] in EVENT_PARTICIPLES or (tokens[-1] in MOMENT_HEADS and len(tokens) >= 2)


def names_a_day(tokens: list[str]) -> bool:
    """'Pay period end' is a date: the label ends with a day word, or a span word then 'end'/'start'."""
    if len(tokens) < 2:
        return False
    if tokens[-1] in DAY_HEADS:
        return True
    return tokens[-1] in ("end", "start", "begin", "close", "open", "ending", "starting") and tokens[-2] in SPAN_WORDS


def meaning_of_named_thing(before: list[str], name_meaning: fm.Meaning | None) -> fm.Meaning | None:
    """'Team name' is a department, 'Customer name' a person, 'Project name' a generic text."""
    found = fm.classify_tokens(before)
    if found is None:
        return None if before and before[-1] not in ("full", "person", "contact", "display") \
            and before[-1] not in ROLE_NOUNS else name_meaning  # 'Donor name', 'Coach name': a person
    if found.meaning.type in ("full_name", "first_name", "last_name", "username"):
        return name_meaning
    if found.meaning.type in ("company", "product_name", "department", "city", "country", "state",
                              "job_title", "product_category", "airport_code", "currency_code", "color"):
        return found.meaning
    return name_meaning if found.meaning.kind == fm.ID else None
