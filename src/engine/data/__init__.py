"""Curated reference data the generators draw from (see world.py)."""
