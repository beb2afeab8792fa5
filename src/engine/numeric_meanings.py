"""Numbers by meaning: the range and distribution a numeric field takes from its name when it gives
none (`numeric_default`), and whether a name means money (`is_money`). Label phrases are matched by
the tokenizer and phrase rules of semantics.py."""

from __future__ import annotations

from src.engine.semantics import LABEL_MEANINGS, best_phrase, description_head, find_phrases, tokenize

# Numeric defaults by meaning, used when a numeric field gives no range: label phrases ->
# (min, max, decimals or None, distribution or None). A distribution is (kind, parameters...) in
# absolute values: ("normal", mean, std), ("lognormal", median, sigma), ("exponential", scale).
# ("years_ago",) marks min/max as offsets from the anchor's year (uniform between them).
NumericDefault = tuple[float, float, "int | None", "tuple | None"]
NUMERIC_MEANINGS: tuple[tuple[str, NumericDefault], ...] = (
    ("rating|stars|star rating|review score|satisfaction|satisfaction score|user rating",
     (1, 5, 1, ("normal", 4.0, 1.1))),
    ("nps|nps score|likelihood to recommend", (0, 10, None, ("normal", 7.5, 2.2))),
    ("score|grade|mark|marks|test score|exam score|quiz score", (0, 100, 1, ("normal", 72, 14))),
    ("credit score|fico|fico score", (300, 850, None, ("normal", 690, 70))),
    ("year|model year|fiscal year|release year|publication year|graduation year|vintage", (-25, 0, None, ("years_ago",))),
    ("year built|construction year", (-120, 0, None, ("years_ago",))),
    ("month|month number", (1, 12, None, None)),
    ("day of month", (1, 28, None, None)),
    ("hour|hour of day", (0, 23, None, None)),
    ("heart rate|pulse|bpm|resting heart rate|pulse rate", (50, 120, None, ("normal", 74, 11))),
    ("systolic|blood pressure|systolic blood pressure|systolic pressure", (90, 180, None, ("normal", 121, 14))),
    ("diastolic|diastolic blood pressure|diastolic pressure", (55, 110, None, ("normal", 79, 9))),
    ("respiratory rate|breathing rate", (10, 25, None, ("normal", 16, 2.5))),
    ("oxygen saturation|spo2|o2 saturation", (85, 100, 1, ("normal", 97.5, 1.5))),
    ("body temperature|temperature c body", (35.5, 40.0, 1, ("normal", 36.9, 0.4))),
    ("glucose|blood sugar|blood glucose", (60, 250, 0, ("normal", 100, 22))),
    ("cholesterol|total cholesterol", (120, 300, 0, ("normal", 195, 35))),
    ("bmi|body mass index", (15, 45, 1, ("normal", 26.5, 4.5))),
    ("age|age years", (18, 90, None, ("normal", 44, 17))),
    ("weight|weight kg|body weight|mass", (40, 150, 1, ("normal", 76, 15))),
    ("height|height cm|body height", (145, 205, 1, ("normal", 171, 10))),
    ("temperature|temp|air temperature|outdoor temperature|ambient temperature",
     (-20, 45, 1, ("normal", 16, 9))),
    ("humidity|relative humidity", (5, 100, 1, ("normal", 58, 17))),
    ("pressure|air pressure|barometric pressure", (960, 1050, 1, ("normal", 1013, 8))),
    ("wind speed|wind", (0, 120, 1, ("exponential", 14))),
    ("wind direction|wind dir|wind bearing|wind direction deg|wind dir deg|wind deg|wind direction degrees|wind direction degree|wind degrees|heading|bearing|compass bearing",
     (0, 359, 0, None)),  # degrees from north
    ("rainfall|precipitation|rain", (0, 200, 1, ("exponential", 8))),
    ("percentage|percent|pct|completion|completion percentage|progress|battery|battery level|"
     "charge level", (0, 100, 1, None)),
    ("cpu|cpu usage|memory usage|disk usage|utilization|utilisation|load", (0, 100, 1, ("normal", 45, 20))),
    ("occupancy|occupancy rate|attendance rate", (0, 100, 1, ("normal", 72, 14))),
    ("accuracy|efficiency", (50, 100, 1, ("normal", 86, 7))),
    ("discount|discount rate|discount percentage|discount percent", (0, 50, 0, ("exponential", 12))),
    ("tax rate|vat rate|sales tax rate", (0, 27, 1, None)),
    ("interest rate|apr|annual percentage rate", (0.5, 25, 2, ("normal", 6.5, 3.5))),
    ("conversion rate|click through rate|ctr", (0, 30, 2, ("lognormal", 2.5, 0.7))),
    ("churn rate|bounce rate", (0, 100, 1, ("normal", 40, 15))),
    ("growth rate", (-20, 40, 1, ("normal", 5, 8))),
    ("margin|profit margin|gross margin", (-10, 70, 1, ("normal", 25, 12))),
    ("price|unit price|cost|unit cost|list price|sale price|msrp|cost price|fare|fee|fees|charge|"
     "shipping cost|shipping fee", (0.5, 5000, 2, ("lognormal", 35, 1.0))),
    ("amount|total|total amount|subtotal|sub total|order total|order value|payment|payment amount|"
     "transaction amount|invoice amount|refund|refund amount|spend|spending|purchase amount|value",
     (1, 20000, 2, ("lognormal", 85, 1.1))),
    ("tip|tip amount|gratuity", (0, 200, 2, ("lognormal", 8, 0.7))),
    ("tax|tax amount|vat|sales tax", (0, 2000, 2, ("lognormal", 7, 1.1))),
    ("salary|annual salary|income|annual income|wage|wages|compensation|base salary|gross salary",
     (15000, 500000, 2, ("lognormal", 60000, 0.5))),
    ("hourly rate|hourly wage|pay rate", (7.25, 150, 2, ("lognormal", 24, 0.45))),
    ("bonus|commission", (0, 100000, 2, ("lognormal", 3000, 1.0))),
    ("balance|account balance|current balance|available balance", (0, 1000000, 2, ("lognormal", 2500, 1.3))),
    ("credit limit|credit line", (500, 100000, 0, ("lognormal", 5000, 0.7))),
    ("rent|monthly rent", (300, 10000, 0, ("lognormal", 1500, 0.45))),
    ("mortgage|loan amount|principal|loan|loan principal", (5000, 3000000, 0, ("lognormal", 220000, 0.7))),
    ("home price|house price|property value|sale price home|listing price", (50000, 5000000, 0,
                                                                             ("lognormal", 380000, 0.6))),
    ("revenue|sales|annual revenue|turnover|earnings", (0, 100000000, 2, ("lognormal", 50000, 1.5))),
    ("profit|net income|profit loss", (-100000, 500000, 2, ("normal", 20000, 40000))),
    ("budget", (1000, 10000000, 0, ("lognormal", 50000, 1.2))),
    ("donation|donation amount", (1, 10000, 2, ("lognormal", 50, 1.0))),
    ("net worth|market value|valuation|market cap", (0, 1e9, 0, ("lognormal", 250000, 1.5))),
    ("stock price|share price|closing price|open price|close price", (1, 2000, 2, ("lognormal", 60, 1.0))),
    ("exchange rate|fx rate", (0.5, 2.0, 4, ("normal", 1.1, 0.2))),
    ("quantity|qty|units|unit count|items|item count|number of items|order quantity|basket size",
     (1, 20, None, ("exponential", 2.5))),
    ("stock|stock level|inventory|stock quantity|units in stock|on hand", (0, 500, None, ("exponential", 80))),
    ("views|page views|impressions|clicks|likes|shares|downloads|installs|followers|following|"
     "subscribers|votes|retweets|comments count|reactions",
     (0, 1000000, None, ("lognormal", 150, 1.6))),
    ("visits|sessions|logins|purchases|orders|transactions|login count|order count|visit count",
     (0, 200, None, ("exponential", 8))),
    ("errors|error count|attempts|retries|failures|defects|complaints", (0, 50, None, ("exponential", 2))),
    ("employees|headcount|staff|number of employees|employee count", (1, 100000, None, ("lognormal", 120, 1.6))),
    ("children|dependents|number of children|kids|pets", (0, 6, None, ("exponential", 1.0))),
    ("household size|family size", (1, 8, None, ("exponential", 1.6))),
    ("bedrooms|number of bedrooms|beds", (1, 6, None, ("normal", 3, 1))),
    ("bathrooms|number of bathrooms|baths", (1, 4, None, ("normal", 2, 0.8))),
    ("floors|stories|number of floors", (1, 4, None, ("exponential", 0.8))),
    ("floor|floor number", (0, 40, None, ("exponential", 6))),
    ("rooms|number of rooms", (1, 12, None, ("normal", 5, 2))),
    ("room|room number", (100, 999, None, None)),
    ("seat number|seat", (1, 60, None, None)),
    ("nights|number of nights|length of stay", (1, 21, None, ("exponential", 3))),
    ("guests|number of guests|party size|passengers|passengers count|travelers|attendees count",
     (1, 8, None, ("exponential", 1.5))),
    ("seats|capacity", (2, 500, None, ("lognormal", 40, 1.0))),
    ("area|square feet|sqft|floor area|living area", (300, 8000, 0, ("lognormal", 1700, 0.45))),
    ("square meters|sqm|m2", (25, 800, 0, ("lognormal", 110, 0.45))),
    ("tenure|years of experience|experience|years employed|years at company", (0, 40, None, ("exponential", 6))),
    ("years", (0, 40, None, ("exponential", 7))),
    ("months|tenure months|months active", (0, 120, None, ("exponential", 18))),
    ("days|days since|days overdue|days active|lead time", (0, 365, None, ("exponential", 30))),
    ("hours|hours worked|weekly hours", (0, 80, 1, ("normal", 38, 8))),
    ("minutes|duration minutes|call duration", (0, 240, None, ("exponential", 25))),
    ("seconds|duration seconds", (0, 3600, None, ("exponential", 180))),
    ("duration|processing time|elapsed time|wait time|delay|time spent|session duration",
     (0, 3600, 1, ("lognormal", 45, 1.1))),
    ("latency|response time|load time|ping|round trip time|rtt", (1, 10000, 1, ("lognormal", 120, 0.8))),
    ("uptime", (90, 100, 3, ("normal", 99.5, 0.6))),
    ("distance|distance km|trip distance|miles", (0, 500, 1, ("lognormal", 12, 1.1))),
    ("mileage|odometer|odometer reading", (0, 300000, 0, ("lognormal", 60000, 0.8))),
    ("speed|velocity", (0, 200, 1, ("normal", 60, 25))),
    ("elevation|altitude", (0, 4500, 0, ("lognormal", 300, 1.2))),
    ("length|width|depth|thickness|diameter|radius|size", (0.5, 500, 1, ("lognormal", 25, 1.0))),
    ("steps|step count|daily steps", (0, 30000, None, ("normal", 7500, 3500))),
    ("calories|calorie intake|calories burned", (0, 4000, None, ("normal", 2000, 550))),
    ("sleep hours|hours of sleep|sleep duration", (3, 11, 1, ("normal", 7, 1.2))),
    ("gpa|grade point average", (0, 4, 2, ("normal", 3.1, 0.5))),
    ("pages|page count|number of pages", (24, 1200, None, ("lognormal", 300, 0.5))),
    ("points|loyalty points|reward points|credits", (0, 100000, None, ("lognormal", 1200, 1.3))),
    ("volume|trading volume", (0, 100000000, None, ("lognormal", 250000, 1.5))),
    ("signal|signal strength|rssi|dbm", (-110, -30, None, ("normal", -67, 12))),
    ("voltage", (100, 250, 1, ("normal", 230, 6))),
    ("current|amperage|amps", (0, 100, 2, ("lognormal", 5, 1.0))),
    ("power|wattage|watts", (0, 5000, 1, ("lognormal", 150, 1.2))),
    ("energy|energy consumption|power consumption|consumption|kwh|usage", (0, 2000, 2, ("lognormal", 30, 0.9))),
    ("ph|ph level", (0, 14, 2, ("normal", 7, 1.0))),
    ("co2|co2 level|co2 ppm", (350, 5000, 0, ("lognormal", 650, 0.4))),
    ("noise|noise level|decibels|db", (20, 120, 1, ("normal", 55, 12))),
    ("lux|light|light level|illuminance", (0, 100000, 0, ("lognormal", 300, 1.5))),
    ("port|port number", (1024, 65535, None, None)),
    ("version|version number", (1, 20, None, ("exponential", 3))),
    ("priority|priority level|severity|severity level", (1, 5, None, None)),
    ("rank|ranking|position number", (1, 100, None, None)),
    ("bytes|file size|size bytes", (100, 100000000, None, ("lognormal", 250000, 2.0))),
    ("probability|likelihood|confidence|confidence score|ratio|share|fraction|propensity", (0, 1, 3, None)),
    ("weight g|grams|package weight|parcel weight|shipping weight", (10, 30000, 0, ("lognormal", 900, 1.0))),
)


_MONEY_ROW = next(i for i, (phrases, _) in enumerate(LABEL_MEANINGS) if phrases.startswith("price|"))


def is_money(name: str) -> bool:
    """Whether a numeric field's name means an amount of money ('unit_price', 'balance', 'total')."""
    found = best_phrase(find_phrases(tokenize(name), ((p, i) for i, (p, _) in enumerate(LABEL_MEANINGS))))
    return found is not None and found[3] == _MONEY_ROW


def numeric_default(name: str, description: str = "") -> NumericDefault | None:
    """A plausible (min, max, decimals, distribution) for a numeric field from its name, then its
    description's first noun phrase: 'heart_rate' -> (50, 120, None, ('normal', 74, 11))."""
    found = best_phrase(find_phrases(tokenize(name), NUMERIC_MEANINGS))
    if found is None and description:
        found = best_phrase(find_phrases(description_head(description), NUMERIC_MEANINGS))
    return found[3] if found else None
