"""What jobs need from src/databases: the SQL writer's options for a job's output, the check of a
requested target name, the parents a job's children find in its target, and the write of a
finished job's tables into its target."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from src.errors import SchemaValidationError


def check_target_name(name: str | None, settings: Any) -> str | None:
    """``name`` when DATABASE_TARGETS holds it; else a 422 at ``target`` listing the known names."""
    if name is None:
        return None
    targets = settings.database_targets
    if name not in targets:
        known = ", ".join(sorted(targets)) or "none: set DATABASE_TARGETS"
        raise SchemaValidationError.single("target", f"unknown database target {name!r}; the targets "
                                                     f"named in the settings: {known}")
    return name


def add_target_parents(schema_doc: dict, target: str | None, settings: Any) -> dict:
    """The document a job stores: when its references name tables only in its target, those parents
    stand in with their rows read from the target now (``existing_parents.py``, the CLI's path), held
    in the document so every later compile (a restart, a worker, a preview) makes the same children.
    Anything the target cannot give: a 422 at ``target`` naming the table, column and reason."""
    from src.databases.existing_parents import embed_given_rows, find_missing_parents, resolve_existing_parents
    from src.databases.settings import resolve_target_url
    from src.databases.targets import TargetError, open_backend, parse_target
    from src.schemas.relational import is_relational

    if target is None or not is_relational(schema_doc):
        return schema_doc
    try:
        if not find_missing_parents(schema_doc):
            return schema_doc
        parsed = parse_target(resolve_target_url(settings.database_targets[target]))
    except (TargetError, ValueError) as err:
        raise SchemaValidationError.single("target", f"target {target!r}: {err}") from None
    try:
        backend = open_backend(parsed)
        try:
            found = resolve_existing_parents(schema_doc, backend, settings.max_target_parent_rows)
        finally:
            backend.close()
    except TargetError as err:  # the URL stays in the settings: the client sees the target's name
        message = str(err).replace(parsed.display, "it")
        raise SchemaValidationError.single("target", f"target {target!r}: {message}") from None
    return embed_given_rows(found)


def sql_writer_options(job: Any, plan: Any) -> dict[str, Any]:
    """open_writer options for a job's output: for sql, its table (keys and checks) and dialect."""
    if job.output_format != "sql":
        return {}
    from src.databases.ddl_out import describe_job_table

    return {"table": describe_job_table(job.schema, plan), "dialect": job.sql_dialect}


def load_job_into_target(job: Any, plan: Any, settings: Any,
                         hold: Callable[[int], None] | None = None) -> dict[str, int]:
    """Write a finished job's rows (made again from its plan: the same bytes) into its target, tables
    created when missing, parents first, each table in one transaction with a completion marker
    under the job's id: a run resumed after a crash skips the tables already committed and writes
    the others from scratch. ``hold(step)``: the test gate, before each batch."""
    from src.databases.ddl_out import describe_document, describe_plan
    from src.databases.settings import resolve_target_url
    from src.databases.targets import TableSource, load_tables, parse_target

    target = parse_target(resolve_target_url(settings.database_targets[job.target]))
    if job.tables is None:
        table = describe_plan(plan)
        sources = {table.name: TableSource(table, plan, job.total_rows)}
    else:
        plans = {name: t.plan for name, t in plan.tables.items()}
        tables = describe_document(plan.doc, plans)
        # job.tables: the generated tables, parents first (a parent only in the target is only read)
        sources = {name: TableSource(tables[name], plans[name], job.tables[name]) for name in job.tables}
    return load_tables(target, sources, create_tables=True, chunk_size=min(job.chunk_size, 50_000),
                       load_id=job.id, hold=hold).rows
