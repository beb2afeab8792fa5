"""Composite UNIQUE and composite PRIMARY KEY in DDL are kept: `synthgen schema from-ddl` carries them
into the document (unique_together, primary_key) and the rows load back into the database made from
the user's own DDL, with every constraint on (SQLite and DuckDB files, through the CLI)."""

from __future__ import annotations

import json
import sqlite3

import duckdb

from src.importers.ddl import import_ddl
from tests.test_cli import run_cli

DDL = """
CREATE TABLE enrol (student_code INTEGER NOT NULL, course TEXT NOT NULL,
                    term TEXT NOT NULL CHECK (term IN ('spring', 'fall')), grade INTEGER,
                    PRIMARY KEY (student_code, course));
CREATE TABLE tags (id INTEGER PRIMARY KEY, country TEXT, category TEXT, UNIQUE (country, category));
CREATE TABLE slots (room INTEGER NOT NULL CHECK (room BETWEEN 1 AND 40),
                    weekday TEXT NOT NULL CHECK (weekday IN ('mon', 'tue', 'wed', 'thu', 'fri')),
                    hour INTEGER NOT NULL CHECK (hour BETWEEN 8 AND 17), PRIMARY KEY (room, weekday, hour));
CREATE TABLE students (id INTEGER PRIMARY KEY, name TEXT);
CREATE TABLE courses (id INTEGER PRIMARY KEY, title TEXT);
CREATE TABLE student_courses (student_id INTEGER NOT NULL REFERENCES students(id),
                              course_id INTEGER NOT NULL REFERENCES courses(id), PRIMARY KEY (student_id, course_id));
CREATE TABLE likes (id INTEGER PRIMARY KEY, student_id INTEGER NOT NULL REFERENCES students(id),
                    course_id INTEGER NOT NULL REFERENCES courses(id), UNIQUE (student_id, course_id));
"""


def _document(tmp_path) -> str:
    (tmp_path / "school.sql").write_text(DDL)
    result = run_cli("schema", "from-ddl", str(tmp_path / "school.sql"), "--dialect", "sqlite")
    assert result.returncode == 0, result.stderr
    assert "not honoured" not in result.stderr
    (tmp_path / "school.json").write_text(result.stdout)
    return str(tmp_path / "school.json")


def test_composite_unique_becomes_unique_together_and_its_members_lose_nulls():
    result = import_ddl(DDL, "sqlite")
    tables = {t["name"]: t for t in result.document["tables"]}
    assert tables["tags"]["unique_together"] == [["country", "category"]]
    assert tables["likes"]["unique_together"] == [["student_id", "course_id"]]
    assert tables["enrol"]["primary_key"] == ["student_code", "course"]
    tag_fields = {f["name"]: f for f in tables["tags"]["fields"]}
    assert "nullable" not in tag_fields["country"].get("constraints", {})
    assert not any("not honoured" in w for w in result.warnings), result.warnings


def test_rows_load_back_into_the_users_own_sqlite_tables(tmp_path):
    schema = _document(tmp_path)
    db = tmp_path / "school.db"
    connection = sqlite3.connect(db)
    connection.executescript(DDL)
    connection.close()
    load = run_cli("generate", "--schema", schema, "--to", f"sqlite:///{db}", "--seed", "11", "--quiet")
    assert load.returncode == 0, load.stderr
    connection = sqlite3.connect(db)
    count = lambda q: connection.execute(q).fetchone()[0]  # noqa: E731
    for table, key in (("enrol", "student_code, course"), ("tags", "country, category"),
                       ("slots", "room, weekday, hour"), ("student_courses", "student_id, course_id"),
                       ("likes", "student_id, course_id")):
        rows = count(f"SELECT count(*) FROM {table}")
        assert rows > 0
        assert count(f"SELECT count(*) FROM (SELECT DISTINCT {key} FROM {table})") == rows, table
    # tags: 1000 rows of countries x categories, none repeated, and many countries used
    assert count("SELECT count(DISTINCT country) FROM tags") > 100
    assert count("SELECT count(*) FROM tags WHERE country IS NULL OR category IS NULL") == 0
    connection.close()


def test_rows_load_into_tables_synthgen_creates_in_duckdb(tmp_path):
    schema = _document(tmp_path)
    db = tmp_path / "school.duckdb"
    load = run_cli("generate", "--schema", schema, "--to", f"duckdb:///{db}", "--create-tables", "--seed", "4",
                   "--quiet")
    assert load.returncode == 0, load.stderr
    connection = duckdb.connect(str(db))
    # the created table states the composite UNIQUE itself: a repeated pair is refused
    pair = connection.execute("SELECT country, category FROM tags LIMIT 1").fetchone()
    try:
        connection.execute("INSERT INTO tags VALUES (999999, ?, ?)", pair)
        refused = False
    except duckdb.ConstraintException:
        refused = True
    assert refused
    connection.close()


def test_too_few_combinations_is_a_clear_refusal(tmp_path):
    doc = {"tables": [{"name": "slots", "rows": 201, "fields": [
        {"name": "room", "type": "integer", "constraints": {"min_value": 1, "max_value": 40}},
        {"name": "weekday", "type": "enum", "constraints": {"enum_values": ["mon", "tue", "wed", "thu", "fri"]}}],
        "primary_key": ["room", "weekday"]}]}
    path = tmp_path / "slots.json"
    path.write_text(json.dumps(doc))
    result = run_cli("generate", "--schema", str(path), "--output", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "only 200 distinct (room, weekday) combinations exist (40 room x 5 weekday) for 201 rows" \
        in result.stderr
