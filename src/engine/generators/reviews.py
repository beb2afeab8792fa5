"""Offline review text that follows the row: its sentiment from a rating column, its details from a
`condition_on` category (a grocery review never says "stopped working"), varied enough that 2,000
rows rarely repeat (openings x details x second details x closings per mood and kind)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from src.engine import strings
from src.engine.context import ChunkContext, FieldPlan

MOODS = ("positive", "neutral", "negative")
OPENINGS = {
    "positive": ("Absolutely love it.", "Great value for the money.", "Exceeded my expectations.",
                 "Really happy with this purchase.", "Really delighted with it.", "Impressed from day one.",
                 "Exactly what I was looking for.", "A fantastic buy.", "So glad I chose this.",
                 "Top quality.", "Better than I hoped.", "Five stars, easily."),
    "neutral": ("It does the job.", "Decent, but nothing special.", "Mixed feelings about this one.",
                "Okay for the price.", "Average overall.", "So-so overall.", "It is fine.",
                "Somewhere in the middle.", "Acceptable, with a few caveats.", "Does what it says, mostly."),
    "negative": ("Very disappointed.", "Would not buy again.", "Not worth the money.", "Poor quality for the price.",
                 "Not as described.", "A real letdown.", "I expected much more.", "Frustrating experience.",
                 "Regret this purchase.", "Sadly, a miss."),
}
DETAILS = {  # kind -> mood -> sentences
    "general": {
        "positive": ("It arrived quickly and well packed", "The quality is clearly above average",
                     "Everything matched the description", "Customer service was friendly and quick",
                     "It feels well made", "The whole family uses it", "It was easy to get started",
                     "The price was fair for what you get"),
        "neutral": ("Delivery took a little longer than promised", "The description could be clearer",
                    "It is a bit smaller than I thought", "Some parts feel cheaper than others",
                    "It works, with a few quirks", "The packaging was more than needed"),
        "negative": ("It did not match the description", "Support was useless and never replied",
                     "It arrived late and damaged", "The quality feels cheap", "Returning it was a hassle",
                     "Half of it was missing from the box"),
    },
    "food": {
        "positive": ("It tastes fresh and full of flavour", "The portions are generous", "Everything was ripe and fresh",
                     "It is now a pantry staple for us", "The ingredients are clearly good quality",
                     "My kids ask for it every week"),
        "neutral": ("The flavour is a bit mild", "It is a little pricey for the amount", "It tastes fine but nothing more",
                    "The packaging is hard to reseal", "The use-by date was sooner than expected"),
        "negative": ("It tasted stale", "It was stale and well past its date", "The texture was unpleasant",
                     "Far too salty for my taste", "The package was open when it arrived"),
    },
    "electronics": {
        "positive": ("Setup took only a few minutes", "The battery lasts for days", "The sound is crisp and clear",
                     "It connects instantly every time", "The screen is bright and sharp", "It runs fast and quiet"),
        "neutral": ("The battery life is just average", "The app could be more intuitive", "It gets a bit warm",
                    "The buttons feel a little loose", "Pairing took a couple of tries"),
        "negative": ("It stopped working after a week", "The battery drains in hours", "It keeps disconnecting",
                     "The charger broke almost immediately", "It overheats quickly"),
    },
    "clothing": {
        "positive": ("The fit is perfect", "The fabric feels soft and durable", "The colour is exactly as shown",
                     "It still looks new after many washes", "Very comfortable to wear all day"),
        "neutral": ("It runs slightly small", "The colour is a shade darker than pictured", "The fabric is thinner than expected",
                    "Sizing is a bit inconsistent"),
        "negative": ("The seams came apart after one wash", "It shrank badly", "The sizing was completely off",
                     "The fabric pills already", "The colour faded quickly"),
    },
    "home": {
        "positive": ("It looks great in our kitchen", "Assembly was simple", "It is sturdy and well built",
                     "Cleaning it is easy", "It fits the space perfectly"),
        "neutral": ("Assembly took longer than expected", "It is heavier than I thought", "The finish shows fingerprints",
                    "The instructions were confusing"),
        "negative": ("It wobbles even after tightening everything", "Parts did not line up", "It scratched on first use",
                     "The finish started peeling"),
    },
    "service": {
        "positive": ("The staff were friendly and helpful", "Everything was on time", "The booking was effortless",
                     "They went the extra mile", "Communication was clear throughout"),
        "neutral": ("The wait was longer than expected", "Communication could be better", "It was fine but a bit rushed",
                    "The price was higher than quoted"),
        "negative": ("Nobody showed up, which was frustrating", "The staff were rude", "I was charged twice",
                     "It took weeks to get a reply"),
    },
}
CLOSINGS = {
    "positive": ("Highly recommended!", "I will definitely order again.", "Worth every penny.", "Would buy again.",
                 "Recommended to all my friends.", "No complaints at all.", ""),
    "neutral": ("Might buy again if it goes on sale.", "It is fine for occasional use.", "Consider the alternatives first.",
                "Three stars.", "Good enough for now.", ""),
    "negative": ("Avoid.", "A waste of money.", "Returning it.", "One star.", "Disappointed, I want a refund.", ""),
}
_KIND_WORDS = (("food", ("grocer", "food", "snack", "beverage", "drink", "coffee", "tea", "produce", "bakery",
                          "dairy", "meat", "fruit", "vegetable", "pantry", "restaurant", "meal")),
               ("electronics", ("electronic", "computer", "phone", "laptop", "tech", "gadget", "camera", "audio",
                                "tv", "gaming", "appliance", "device", "software")),
               ("clothing", ("cloth", "apparel", "fashion", "shoe", "wear", "dress", "shirt", "jacket", "accessor")),
               ("home", ("home", "kitchen", "garden", "furniture", "decor", "tool", "hardware", "office")),
               ("service", ("service", "delivery", "support", "hotel", "travel", "booking", "repair", "clean",
                            "consult", "subscription", "insurance", "bank")))


def kind_of(category: str) -> str:
    """Which detail set suits a category value ('Groceries' -> 'food', 'Sports & Outdoors' -> 'general')."""
    text = str(category).lower()
    return next((kind for kind, words in _KIND_WORDS if any(w in text for w in words)), "general")


def moods_from_rating(values: pa.Array) -> np.ndarray:
    """0 positive / 1 neutral / 2 negative from a rating column, relative to its own range."""
    numbers = pc.fill_null(values.cast(pa.float64()), np.nan).to_numpy(zero_copy_only=False)
    finite = numbers[np.isfinite(numbers)]
    lo, hi = (finite.min(), finite.max()) if len(finite) else (0.0, 1.0)
    lo, hi = (1.0, 5.0) if hi <= 5 and lo >= 1 else (lo, hi)  # a star scale even in a small chunk
    share = (numbers - lo) / max(hi - lo, 1e-9)
    return np.where(~np.isfinite(share), 1, np.where(share >= 0.7, 0, np.where(share <= 0.3, 2, 1)))


def _lower_first(text: pa.Array) -> pa.Array:
    return strings.join(pc.utf8_lower(pc.utf8_slice_codeunits(text, 0, 1)), pc.utf8_slice_codeunits(text, 1))


def gen_review(fp: FieldPlan, ctx: ChunkContext) -> pa.Array:
    rng = ctx.rng(fp)
    if fp.options.get("sentiment_from") in ctx.columns:
        mood = moods_from_rating(ctx.columns[fp.options["sentiment_from"]])
    else:
        mood = rng.choice(3, [60, 25, 15], stream=0)
    kinds = list(DETAILS)
    if fp.c.condition_on and fp.c.condition_on in ctx.columns:
        labels = ctx.columns[fp.c.condition_on].cast(pa.string())
        distinct = pc.unique(pc.fill_null(labels, "")).to_pylist()
        kind_index = {v: kinds.index(kind_of(v)) for v in distinct}
        kind = np.array([kind_index[v] for v in pc.fill_null(labels, "").to_pylist()]) if len(distinct) > 1 \
            else np.full(ctx.n, kind_index[distinct[0]] if distinct else 0)
    else:
        kind = np.zeros(ctx.n, dtype=np.int64)
    out = pa.nulls(ctx.n, pa.string())
    bits = rng.bits(1)
    for m, mood_name in enumerate(MOODS):
        for k, kind_name in enumerate(kinds):
            rows = (mood == m) & (kind == k)
            if not rows.any():
                continue
            details = DETAILS[kind_name][mood_name] + (DETAILS["general"][mood_name] if kind_name != "general" else ())
            opening, closing = OPENINGS[mood_name], CLOSINGS[mood_name]
            a = (bits % np.uint64(len(opening))).astype(np.int64)
            b = ((bits >> np.uint64(8)) % np.uint64(len(details))).astype(np.int64)
            c = ((bits >> np.uint64(16)) % np.uint64(len(details) - 1)).astype(np.int64)
            c = c + (c >= b)  # a second detail, never the first one again
            d = ((bits >> np.uint64(24)) % np.uint64(len(closing))).astype(np.int64)
            pool = pa.array(list(details))
            text = strings.join(strings.take(pa.array(list(opening)), a),
                                strings.join(strings.take(pool, b), ", and ", _lower_first(strings.take(pool, c)), "."),
                                strings.take(pa.array(list(closing)), d), sep=" ")
            out = pc.if_else(pa.array(rows), pc.utf8_rtrim(text, characters=" "), out)
    from src.engine.generators.text import _fit_length  # min_length/max_length, cut at a word

    return _fit_length(fp, out)
