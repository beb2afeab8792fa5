"""Schema documents the Create page tests load: one table, and related tables."""

PEOPLE = {"fields": [
    {"name": "person_id", "type": "uuid"},
    {"name": "age", "type": "integer", "description": "age between 18 and 80",
     "constraints": {"min_value": 18, "max_value": 80}},
    {"name": "status", "type": "enum", "constraints": {"enum_values": ["active", "inactive"]}},
]}
SHOP = {"tables": [
    {"name": "customers", "rows": 50, "fields": [
        {"name": "customer_id", "type": "sequence", "constraints": {"primary_key": True}},
        {"name": "country", "type": "country"}]},
    {"name": "orders", "rows_per_parent": {"parent": "customers", "min": 1, "max": 3}, "fields": [
        {"name": "order_id", "type": "uuid", "constraints": {"primary_key": True}},
        {"name": "customer_id", "type": "reference", "constraints": {"references": "customers.customer_id"}},
        {"name": "total", "type": "price"}]},
]}
