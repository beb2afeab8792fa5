from tests.llm.gemini_stand_in import gemini_settings, stand_in  # noqa: F401  (fixtures)
