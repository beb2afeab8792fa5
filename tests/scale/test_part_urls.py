"""Part files written to fsspec URLs: a `file://` URL on the real cluster through the CLI, and a
remote filesystem (fsspec's `memory://`, in this process) where each part is uploaded whole."""

from __future__ import annotations

import json

import fsspec
import pytest

from src.scale.parts import MANIFEST, plan_parts, write_manifest, write_part
from src.scale.recipe import recipe_for_plan
from synthgen.generation import iter_batches

from .test_dask_live import ANCHOR, CHUNK, CUSTOMERS, PART, ROWS, _manifest, _single_file, \
    _text_without_later_headers, run_cli_slow


def test_the_cli_writes_parts_to_a_file_url_on_the_cluster(cluster, tmp_path):
    out = tmp_path / "url-parts"
    result = run_cli_slow("generate", "--schema", "bench/customer_schema.json", "--rows", str(ROWS), "--output",
                          out.as_uri(), "--seed", "5", "--anchor", ANCHOR.isoformat(), "--chunk-size", str(CHUNK),
                          "--part-rows", str(PART), "--dask", cluster[0])
    assert result.returncode == 0, result.stderr
    manifest = _manifest(out)
    assert _text_without_later_headers(out, manifest) == _single_file(tmp_path, "csv").read_bytes()
    again = run_cli_slow("generate", "--schema", "bench/customer_schema.json", "--rows", "10", "--output",
                         out.as_uri(), "--dask", cluster[0])
    assert again.returncode == 2 and "must be a new or empty folder" in again.stderr


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_parts_uploaded_to_a_remote_filesystem_equal_the_single_process_file(tmp_path, fmt):
    url = f"memory://synthgen-test-{fmt}/parts"
    fs = fsspec.filesystem("memory")
    batches = iter_batches(CUSTOMERS, ROWS, 5, batch_size=CHUNK, anchor=ANCHOR)
    key, blob = recipe_for_plan(batches.plan).dump()
    specs = plan_parts(ROWS, PART, CHUNK, fmt)
    try:
        entries = [write_part(key, blob, url, spec) for spec in reversed(specs)]  # any order of completion
        write_manifest(url, entries, fmt=fmt, compression="none", seed=5, anchor=ANCHOR,
                       schema=batches.plan.arrow_schema, chunk_size=CHUNK)
        manifest = json.loads(fs.cat_file(f"/synthgen-test-{fmt}/parts/{MANIFEST}"))
        names = sorted(p.rsplit("/", 1)[1] for p in fs.ls(f"/synthgen-test-{fmt}/parts", detail=False))
        assert names == [MANIFEST] + [p["path"] for p in manifest["parts"]]  # no temporary files
        texts = [fs.cat_file(f"/synthgen-test-{fmt}/parts/{p['path']}") for p in manifest["parts"]]
        assert [len(t) for t in texts] == [p["bytes"] for p in manifest["parts"]]
        together = texts[0] + b"".join(t.split(b"\n", 1)[1] if fmt == "csv" else t for t in texts[1:])
        assert together == _single_file(tmp_path, fmt).read_bytes()
    finally:
        fs.rm(f"/synthgen-test-{fmt}", recursive=True)



def test_the_cli_writes_related_tables_to_a_file_url_on_the_cluster(cluster, tmp_path):
    from .test_dask_live import SHOP_ARGS, _assert_tables_equal_local, _shop_file

    folder = tmp_path / "shop-url"
    result = run_cli_slow("generate", "--schema", str(_shop_file(tmp_path)), "--output", folder.as_uri(), *SHOP_ARGS,
                          "--dask", cluster[0])
    assert result.returncode == 0, result.stderr
    _assert_tables_equal_local(tmp_path, folder, "csv")


def test_related_tables_uploaded_to_a_remote_filesystem_equal_the_single_process_files(tmp_path):
    """memory:// lives in one process, so its Dask workers are threads of this one (a real scheduler
    and workers, in-process); every part is uploaded whole, each table's manifest and the top one last."""
    from distributed import Client, LocalCluster

    from src.cli import main
    from .test_dask_live import SHOP_ARGS, _assert_tables_equal_local, _shop_file

    url, fs = "memory://synthgen-test-tables/shop", fsspec.filesystem("memory")
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
                Client(cluster):
            assert main(["generate", "--schema", str(_shop_file(tmp_path)), "--output", url, *SHOP_ARGS,
                         "--dask", cluster.scheduler_address, "--quiet"]) == 0
        copy = tmp_path / "copied"
        fs.get("/synthgen-test-tables/shop", str(copy), recursive=True)
        _assert_tables_equal_local(tmp_path, copy, "csv")
    finally:
        fs.rm("/synthgen-test-tables", recursive=True)
