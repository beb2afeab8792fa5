"""synthgen: a synthetic data platform (engine, job service, schema extraction, UI)."""
