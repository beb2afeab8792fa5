"""Multi-table job layout and the streamed zip download."""

import io
import zipfile

from src.jobs.relational import iter_zip, rows_per_table, table_slots


def test_tables_own_consecutive_chunk_ranges():
    slots = table_slots({"customers": 2500, "orders": 0, "lines": 1000}, 1000)
    assert [(s.first_chunk, s.n_chunks) for s in slots] == [(0, 3), (3, 0), (3, 1)]
    assert slots[2].suffix("csv") == "t2csv" and slots[2].file_name("parquet") == "lines.parquet"
    assert rows_per_table({"customers": 2500, "orders": 0, "lines": 1000}, 3, 1000) == {
        "customers": {"rows": 2500, "rows_generated": 2500}, "orders": {"rows": 0, "rows_generated": 0},
        "lines": {"rows": 1000, "rows_generated": 0}}


def test_zip_streams_every_file_intact():
    big = bytes(range(256)) * 20000
    files = [("a.csv", lambda: iter([b"x,y\n", b"1,2\n"])), ("b.parquet", lambda: iter([big[:3000], big[3000:]]))]
    blocks = list(iter_zip(files))
    assert len(blocks) > 1
    archive = zipfile.ZipFile(io.BytesIO(b"".join(blocks)))
    assert archive.namelist() == ["a.csv", "b.parquet"]
    assert archive.read("a.csv") == b"x,y\n1,2\n" and archive.read("b.parquet") == big
    assert archive.testzip() is None


def test_a_database_from_before_multi_table_jobs_gains_the_tables_column(tmp_path):
    import sqlite3

    from src.jobs.store import _SCHEMA_SQL, JobStore

    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(_SCHEMA_SQL.replace(",\n    tables_json TEXT", ""))
        assert "tables_json" not in {r[1] for r in conn.execute("PRAGMA table_info(jobs)")}
    store = JobStore(path)
    try:
        assert store.list() == []
        with sqlite3.connect(path) as conn:
            assert "tables_json" in {r[1] for r in conn.execute("PRAGMA table_info(jobs)")}
    finally:
        store.close()


def test_a_tables_job_summary_carries_its_tables_and_first_table_columns(tmp_path):
    from src.jobs.store import JobStore
    from tests.jobs.test_store import make_job

    schema = {"tables": [{"name": "customers", "rows": 30, "fields": [{"name": "customer_id", "type": "sequence"}]},
                         {"name": "orders", "fields": [{"name": "order_id", "type": "sequence"}]}]}
    job = make_job(schema=schema, total_rows=100, chunk_size=10, tables={"customers": 30, "orders": 70})
    store = JobStore(tmp_path / "jobs.sqlite3")
    try:
        store.insert(job)
        summary = store.get_summary(job.id)
        assert summary.schema is None and summary.tables == {"customers": 30, "orders": 70}
        assert summary.field_names == ["customer_id"]
        assert [j.tables for j in store.list()] == [{"customers": 30, "orders": 70}]
        store.update(job.id, chunks_completed=4)
        assert store.get_summary(job.id).rows_generated == 30 + 10
    finally:
        store.close()
