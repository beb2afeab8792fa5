"""Monitor and Browse through AppTest with the in-memory client: job names, run time and rate while
paused, rows and downloads per table, signed links for big files, and delete only after a confirmation
that says what goes."""

from __future__ import annotations

import pytest

from .apptest_helpers import BROWSE_PAGE, MONITOR_PAGE, click_button, find_button, start_app, texts


def _tables(*rows: tuple[str, int], name: str | None = "shop") -> dict:
    stem = f"{name}_2026-11-24_" if name else ""
    return {table: {"rows": n, "rows_generated": n, "file_name": f"{stem}{table}.csv"} for table, n in rows}


def _metrics(app) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def _select_first_row(app) -> None:
    app.session_state[app.dataframe[0].key] = {"selection": {"rows": [0], "columns": []}}
    app.run()


def test_monitor_and_browse_show_the_job_name(fake_client):
    fake_client.add_job(status="completed", rows_generated=1_000, name="customers")
    unnamed = fake_client.add_job(status="generating")
    app = start_app(fake_client, MONITOR_PAGE)
    assert [o.startswith("customers · ") for o in app.selectbox[0].options] == [False, True]
    assert texts(app.subheader) == [f"Job {unnamed[:8]}"]
    app.selectbox[0].set_value(app.selectbox[0].options[1]).run()
    assert texts(app.subheader) == ["customers"]

    app.switch_page(BROWSE_PAGE).run()
    assert list(app.dataframe[0].value["Name"]) == ["", "customers"]


def test_paused_job_shows_no_rate_and_run_time_without_the_pause(fake_client):
    job_id = fake_client.add_job(status="paused", rows_generated=400, active_seconds=75.0)
    fake_client.jobs[job_id]["rows_per_second"] = 999.0  # even a stale rate from the API is not shown
    app = start_app(fake_client, MONITOR_PAGE)
    metrics = _metrics(app)
    assert (metrics["Rows per second"], metrics["Time left"], metrics["Run time"]) == ("—", "—", "1m 15s")
    assert any("Paused" in text for text in texts(app.caption))
    click_button(app, "Resume")
    metrics = _metrics(app)
    assert metrics["Rows per second"] == "250" and metrics["Time left"] != "—"


def test_delete_asks_first_and_says_what_goes(fake_client):
    job_id = fake_client.add_job(status="completed", total_rows=1_500, rows_generated=1_500, name="customers",
                                 file_name="customers_2026-11-24.csv")
    app = start_app(fake_client, BROWSE_PAGE)
    _select_first_row(app)
    click_button(app, "Delete")
    (warning,) = texts(app.warning)
    assert "Delete **customers**" in warning and f"`{job_id[:8]}`" in warning
    assert "`customers_2026-11-24.csv` (1,500 rows, CSV)" in warning
    assert ("delete_job", job_id) not in fake_client.calls
    click_button(app, "Keep it")
    assert not app.warning and job_id in fake_client.jobs and not find_button(app, "Delete permanently")

    click_button(app, "Delete")
    click_button(app, "Delete permanently")
    assert job_id not in fake_client.jobs
    assert not find_button(app, "Delete permanently")


def test_monitor_deletes_the_job_it_shows_after_the_same_confirmation(fake_client):
    older = fake_client.add_job(status="completed", total_rows=200, rows_generated=200, name="older")
    job_id = fake_client.add_job(status="completed", total_rows=1_500, rows_generated=1_500, name="customers",
                                 file_name="customers_2026-11-24.csv")
    app = start_app(fake_client, MONITOR_PAGE, job=job_id)
    assert texts(app.subheader) == ["customers"]
    click_button(app, "Delete")
    (warning,) = texts(app.warning)
    assert "Delete **customers**" in warning and "`customers_2026-11-24.csv` (1,500 rows, CSV)" in warning
    assert ("delete_job", job_id) not in fake_client.calls
    click_button(app, "Keep it")
    assert not app.warning and job_id in fake_client.jobs

    click_button(app, "Delete")
    click_button(app, "Delete permanently")
    assert job_id not in fake_client.jobs and older in fake_client.jobs
    assert texts(app.subheader) == ["older"]  # the page moves on to a job that is still there
    assert app.query_params.get("job") != job_id
    assert [toast.value for toast in app.toast] == ["Deleted customers and its files."]


def test_monitor_delete_of_a_running_job_says_it_is_stopped_first(fake_client):
    fake_client.add_job(status="generating", rows_generated=400)
    app = start_app(fake_client, MONITOR_PAGE)
    click_button(app, "Delete")
    (warning,) = texts(app.warning)
    assert "the 400 of 1,000 rows made so far, its partial files and the job's record. It is stopped first." \
        in warning


@pytest.mark.parametrize("status, words", [
    ("generating", "the 400 of 1,000 rows made so far, its partial files and the job's record. It is stopped first."),
    ("failed", "the 400 of 1,000 rows made so far, its partial files and the job's record."),
])
def test_delete_of_an_unfinished_job_names_the_rows_made(fake_client, status, words):
    fake_client.add_job(status=status, rows_generated=400)
    app = start_app(fake_client, BROWSE_PAGE)
    _select_first_row(app)
    click_button(app, "Delete")
    (warning,) = texts(app.warning)
    assert words in warning and warning.startswith("Delete **Job ")


def test_delete_of_a_tables_job_lists_each_table(fake_client):
    fake_client.add_job(status="completed", total_rows=600, rows_generated=600, name="shop",
                        tables=_tables(("customers", 100), ("orders", 500)))
    app = start_app(fake_client, BROWSE_PAGE)
    assert list(app.dataframe[0].value["Tables"]) == [2]
    _select_first_row(app)
    click_button(app, "Delete")
    (warning,) = texts(app.warning)
    assert "its 2 CSV table files, 600 rows in all: customers (100 rows), orders (500 rows)" in warning


def test_tables_job_shows_rows_per_table_and_downloads_each_table_and_the_zip(fake_client):
    job_id = fake_client.add_job(status="completed", total_rows=600, rows_generated=600, name="shop",
                                 tables=_tables(("customers", 100), ("orders", 500)))
    app = start_app(fake_client, MONITOR_PAGE)
    tables = next(d.value for d in app.dataframe if "Table" in d.value.columns)
    assert list(tables["Table"]) == ["customers", "orders"] and list(tables["Generated"]) == [100, 500]
    buttons = {b.proto.label: b.proto.help for b in app.get("download_button")}
    assert buttons == {"All 2 tables (zip)": "shop_2026-11-24.zip", "customers": "shop_2026-11-24_customers.csv",
                       "orders": "shop_2026-11-24_orders.csv"}
    assert any("Saved as `shop_2026-11-24.zip`" in text for text in texts(app.caption))

    # The preview follows the chosen table.
    assert fake_client.calls[-1][0] == "get_preview"
    app.get("button_group")[0].set_value("orders").run()
    assert ("get_preview", (job_id, "orders")) in fake_client.calls
    assert any("Preview** of orders" in text for text in texts(app.markdown))


def test_big_tables_and_their_zip_go_through_signed_links(fake_client):
    job_id = fake_client.add_job(status="completed", total_rows=7_000_000, rows_generated=7_000_000,
                                 tables=_tables(("customers", 1_000_000), ("orders", 6_000_000), name=None))
    app = start_app(fake_client, MONITOR_PAGE)
    links = {b.proto.label: b.proto.url for b in app.get("link_button")}
    assert links == {"All 2 tables (zip)": f"http://fake-api/jobs/{job_id}/download?token=1.signed",
                     "orders": f"http://fake-api/jobs/{job_id}/download?token=1.signed&table=orders"}
    assert [b.proto.label for b in app.get("download_button")] == ["customers"]  # small enough to pass here
    assert any("straight from the API" in text for text in texts(app.caption))


def test_monitor_names_the_sql_dialect_and_the_database_target(fake_client):
    fake_client.add_job(status="generating", output_format="sql", sql_dialect="sqlite", target="warehouse")
    app = start_app(fake_client, MONITOR_PAGE)
    assert any("SQL (sqlite)" in text and "into warehouse" in text for text in texts(app.caption))
