"""Rough, fixed exchange rates (units of a currency per US dollar, late 2025, rounded) and how many
decimals that currency's prices are written with. A money field with no stated range (`price`,
`total`) takes its default range in dollars moved into the schema locale's currency: '2.68 INR'
becomes '222 INR'. The figures are deliberately rough and never change with the date (output is
pinned by seed); a user's own min/max or distribution is in the currency already and is kept.
Zero-decimal currencies (JPY, KRW, ...) are in `world.ZERO_DECIMAL_CURRENCIES`; USD and EUR (and
currencies near the dollar such as GBP, CHF, CAD) keep the defaults as they are.
"""

from __future__ import annotations

# currency: (units per USD, decimals its prices are written with)
RATES: dict[str, tuple[float, int]] = {
    "INR": (83.0, 0), "RUB": (90.0, 0), "TRY": (32.0, 2), "THB": (35.0, 0), "MXN": (17.0, 2),
    "BRL": (5.0, 2), "PLN": (4.0, 2), "SEK": (10.0, 0), "NOK": (10.0, 0), "DKK": (7.0, 2), "CZK": (23.0, 0),
    "CNY": (7.0, 2), "TWD": (32.0, 0), "HKD": (7.8, 2), "PHP": (56.0, 2), "EGP": (48.0, 2), "ZAR": (18.0, 2),
    "NGN": (1500.0, 0), "KES": (130.0, 0), "PKR": (280.0, 0), "BDT": (110.0, 0), "LKR": (300.0, 0),
    "NPR": (133.0, 0), "UAH": (41.0, 2), "RON": (4.6, 2), "BGN": (1.8, 2), "ILS": (3.7, 2), "SAR": (3.75, 2),
    "AED": (3.67, 2), "QAR": (3.64, 2), "JOD": (0.71, 2), "MAD": (10.0, 2), "DZD": (135.0, 0), "IRR": (42000.0, 0),
    "ARS": (900.0, 0), "COP": (4000.0, 0), "PEN": (3.8, 2), "MYR": (4.7, 2), "SGD": (1.35, 2), "AZN": (1.7, 2),
    "GEL": (2.7, 2), "AMD": (390.0, 0), "KZT": (480.0, 0), "RSD": (108.0, 0), "MKD": (57.0, 0), "BAM": (1.8, 2),
    "ISK": (140.0, 0),
}


def money_scale(currency: str) -> tuple[float, int] | None:
    """(units per dollar, decimals) of a currency whose prices are not written in dollar-sized units."""
    return RATES.get(currency)


# ISO 4217 minor units where they are not 2 (the digits after the point an amount can carry).
MINOR_UNITS: dict[str, int] = {
    **dict.fromkeys(("BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
                     "VUV", "XAF", "XOF", "XPF"), 0),
    **dict.fromkeys(("BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"), 3),
    "CLF": 4, "UYW": 4,
}


def minor_units(currency: str) -> int:
    """Digits after the point of an amount in this currency (ISO 4217): JPY 0, USD 2, KWD 3."""
    return MINOR_UNITS.get(currency, 2)
