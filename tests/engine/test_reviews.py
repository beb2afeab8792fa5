"""Offline reviews follow the row's rating and category, and vary."""

from src.engine.generators.reviews import DETAILS
from tests.engine.conftest import generate


def test_reviews_follow_the_rating_and_the_category():
    rows = generate([{"name": "category", "type": "enum", "constraints": {"enum_values": ["Groceries", "Electronics"]}},
                     {"name": "rating", "type": "integer", "constraints": {"min_value": 1, "max_value": 5}},
                     {"name": "review", "type": "review", "constraints": {"condition_on": "category"}}], rows=2000)
    electronics_only = set(DETAILS["electronics"]["negative"]) | set(DETAILS["electronics"]["positive"])
    for category, rating, review in zip(rows["category"], rows["rating"], rows["review"]):
        if category == "Groceries":
            assert not any(d in review for d in electronics_only), review
            assert "Stopped working" not in review and "stopped working" not in review
        if rating == 1:
            assert "Highly recommended" not in review and "Five stars" not in review
        if rating == 5:
            assert "waste of money" not in review and "disappointed" not in review.lower()


def test_reviews_are_varied():
    rows = generate([{"name": "review", "type": "review"}], rows=2000)
    assert len(set(rows["review"])) >= 1500


def test_review_lengths_hold_and_cut_at_words():
    rows = generate([{"name": "review", "type": "review", "constraints": {"max_length": 40}}], rows=500)
    assert all(len(r) <= 40 and not r.endswith(" ") for r in rows["review"])


def test_an_independent_sentiment_judge_agrees_with_the_rating():
    """VADER (a lexicon sentiment scorer) reads 1-2 star reviews as negative, 4-5 as positive."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    judge = SentimentIntensityAnalyzer()
    rows = generate([{"name": "rating", "type": "integer", "constraints": {"min_value": 1, "max_value": 5}},
                     {"name": "review", "type": "review"}], rows=1000)
    low = [judge.polarity_scores(t)["compound"] for r, t in zip(rows["rating"], rows["review"]) if r <= 2]
    high = [judge.polarity_scores(t)["compound"] for r, t in zip(rows["rating"], rows["review"]) if r >= 4]
    assert sum(s < 0 for s in low) / len(low) >= 0.85
    assert sum(s > 0 for s in high) / len(high) >= 0.95
