"""The ``hadath`` command: run the pipeline, feed it, watch it, query what it found.

Start with ``hadath up --publish seeds/``; every command explains itself with ``--help``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from shared.settings import Settings, get_settings

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

app = typer.Typer(
    name="hadath",
    help=(
        "hadath: events (meetings, visits, military training agreements) from Arabic news, streamed over Kafka.\n\n"
        "Quick start: `hadath up --publish seeds/` starts an embedded broker and the four services, publishes the\n"
        "sample article and prints each event as it is found. `hadath extract FILE` does the same in one process\n"
        "without Kafka. Configuration: HADATH_* environment variables (see README)."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class UserError(Exception):
    """A problem the user can fix; printed as one red line, no traceback."""


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn expected failures (missing files, no broker, bad URLs) into a clear message and exit code 1."""
    from services.segmenter.farasa import FarasaUnavailable
    from shared.broker import BrokerError
    from shared.kafka import KafkaUnavailable

    try:
        yield
    except (UserError, FileNotFoundError, KafkaUnavailable, BrokerError, FarasaUnavailable, ValueError) as exc:
        raise fail(str(exc)) from None


def _quiet_libraries() -> None:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("kafka", "aiokafka", "faust", "mode"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)


def _progress(console: Console = err) -> Progress:
    return Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=False,
    )


def _database_url(db: str | None, settings: Settings) -> str:
    """A --db value (URL or file path) as a database URL; file paths become absolute sqlite URLs."""
    if not db:
        return settings.sink.database_url
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).resolve()}"


# ---------------------------------------------------------------- broker and workers


@app.command()
def broker() -> None:
    """Run the embedded Kafka-compatible broker (tansu, memory storage) in the foreground until Ctrl-C.

    Other hadath commands reach it when HADATH_KAFKA__BOOTSTRAP_SERVERS points at it. It keeps
    everything in memory: stopping it loses topics and offsets.
    """
    from shared.broker import EmbeddedBroker

    settings = get_settings()
    with user_errors():
        embedded = EmbeddedBroker(settings.kafka.embedded_host, settings.kafka.embedded_port)
        embedded.start(foreground=True)
    err.print(f"embedded broker listening on [bold]{embedded.bootstrap_servers}[/] (memory storage); Ctrl-C stops it")
    err.print(f"use it from another shell: export HADATH_KAFKA__BOOTSTRAP_SERVERS={embedded.bootstrap_servers}")
    try:
        assert embedded.process is not None
        embedded.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        embedded.stop()


@app.command()
def worker(
    stage: Annotated[str, typer.Argument(help="segmenter, detector, geolocator or sink.")],
    replica: Annotated[int, typer.Option(help="Replica number: picks the web/metrics port (base + replica).")] = 0,
) -> None:
    """Run one stage's faust worker in the foreground (what `hadath up` starts for each stage).

    Start more replicas of a stage (--replica 1, 2, ...) to share its partitions: they join one consumer
    group. Metrics: http://HOST:PORT/metrics, ports segmenter 6066, detector 6076, geolocator 6086, sink 6096
    (+ replica). SIGTERM finishes the message in flight, commits and exits 0.
    """
    from services.worker import run_worker
    from shared.kafka import STAGES

    if stage not in STAGES:
        raise fail(f"unknown stage {stage!r}; choose one of {', '.join(STAGES)}")
    with user_errors():
        run_worker(stage, replica)


@app.command()
def up(
    publish: Annotated[
        Path | None, typer.Option(help="Publish these articles once the services run (.jsonl, .txt or a folder).")
    ] = None,
    exit_when_idle: Annotated[
        float | None,
        typer.Option(help="Stop everything once no new event has arrived for this many seconds (default: run "
                     "until Ctrl-C)."),
    ] = None,
    db: Annotated[
        str | None,
        typer.Option(help="Events store: a SQLite file path or a database URL (default: HADATH_SINK__DATABASE_URL)."),
    ] = None,
    workers: Annotated[int, typer.Option(min=1, max=10, help="Workers per stage (they share its partitions).")] = 1,
    log_dir: Annotated[Path, typer.Option(help="Where each worker's log file goes.")] = Path("var/log"),
) -> None:
    """Run the whole pipeline: broker (embedded unless configured), topics, the four services, live events.

    Starts the embedded broker unless HADATH_KAFKA__BOOTSTRAP_SERVERS is set, creates the topics, starts
    segmenter, detector, geolocator and sink as separate processes, optionally publishes articles, and
    prints each event as it reaches events.v1. Ctrl-C (or --exit-when-idle) stops everything cleanly.
    Exit code 0 when every service ran and stopped cleanly.
    """
    from services.up import run_up

    _quiet_libraries()
    settings = get_settings()
    with user_errors():
        if publish is not None and not publish.exists():
            raise UserError(f"{publish} does not exist")
        code = run_up(
            settings, publish=publish, exit_when_idle=exit_when_idle, database_url=_database_url(db, settings),
            workers=workers, log_dir=log_dir, console=out, status=err,
        )
    raise typer.Exit(code)


# ---------------------------------------------------------------- feeding and reading Kafka


@app.command("publish")
def publish_command(
    path: Annotated[Path, typer.Argument(help="A JSON-lines file of articles, a .txt file (one article) or a folder.")],
    raw: Annotated[
        bool, typer.Option("--raw", help="Send every line as it is, even invalid ones (to exercise dead letters).")
    ] = False,
    topic: Annotated[str | None, typer.Option(help="Topic to publish to (default: articles.raw).")] = None,
) -> None:
    """Publish articles to articles.raw, keyed by article id.

    Each line of a .jsonl file is one article: {"id", "body", "title", "published_at", "source", "url",
    "language"} (id and body required). A .txt file is one article whose id is the file name. Lines that
    are not valid articles are reported and skipped (exit code 1), unless --raw sends them anyway.
    """
    from services.publishing import publish_path

    _quiet_libraries()
    settings = get_settings()
    with user_errors():
        report = publish_path(settings, path, topic or settings.topics.articles_raw, raw=raw, progress=_progress())
    verdict = "invalid, sent anyway" if raw else "skipped"
    for origin, reason in report.invalid[:20]:
        err.print(f"[yellow]{verdict}[/] {escape(origin)}: {escape(reason)}")
    if len(report.invalid) > 20:
        err.print(f"[yellow]… and {len(report.invalid) - 20} more invalid lines[/]")
    for origin, reason in report.failed[:20]:
        err.print(f"[red]not published[/] {escape(origin)}: {escape(reason)}")
    err.print(f"published [bold]{report.published}[/] message(s) to {report.topic} at {settings.kafka.servers}")
    if (report.invalid and not raw) or report.failed:
        raise typer.Exit(1)


@app.command()
def consume(
    topic: Annotated[str | None, typer.Option(help="Topic to read (default: events.v1).")] = None,
    from_beginning: Annotated[bool, typer.Option("--from-beginning", help="Start at the oldest message.")] = False,
    limit: Annotated[int | None, typer.Option(min=1, help="Stop after this many messages.")] = None,
    idle_timeout: Annotated[
        float | None, typer.Option(help="Stop when no message arrived for this many seconds (default: wait forever).")
    ] = None,
) -> None:
    """Print a topic's messages as JSON lines (one message value a line) until Ctrl-C, --limit or --idle-timeout.

    Without --from-beginning it starts at the end (new messages only). The embedded broker cannot find the end
    of a topic (no "latest" offsets): there, use --from-beginning.
    """
    from services.reading import read_topic

    _quiet_libraries()
    settings = get_settings()
    seen = 0
    with user_errors(), suppress(KeyboardInterrupt):
        for record in read_topic(settings, topic or settings.topics.events, from_beginning, idle_timeout):
            value = record.value or b""
            try:
                line = json.dumps(json.loads(value), ensure_ascii=False)
            except ValueError:
                line = json.dumps({"raw": value.decode("utf-8", "replace")}, ensure_ascii=False)
            sys.stdout.write(line + "\n")
            seen += 1
            if limit is not None and seen >= limit:
                break


@app.command()
def dlq(
    topic: Annotated[
        str | None,
        typer.Option(help="Only this dead-letter topic (e.g. articles.raw.dlq, or its source articles.raw)."),
    ] = None,
    replay: Annotated[
        bool, typer.Option("--replay", help="Send each dead letter's original bytes back to its source topic, once.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object a line instead of a table.")] = False,
    wait: Annotated[float, typer.Option(help="Seconds without a new message that mark the end of a topic.")] = 3.0,
) -> None:
    """List dead letters with the reason they were rejected, or replay them once the cause is fixed.

    Every stage sends what it cannot process to <source topic>.dlq with the original key, value and
    headers plus hadath.error.* headers (stage, reason, exception class and message, source topic,
    partition, offset, timestamp). --replay republishes the original bytes to the source topic; it
    remembers what it replayed (consumer group hadath-dlq-replay), so each dead letter is replayed once.
    """
    from services.dead_letters import dead_letter_topics, list_dead_letters, replay_dead_letters

    _quiet_libraries()
    settings = get_settings()
    with user_errors():
        topics = dead_letter_topics(settings, topic)
        if replay:
            replayed = replay_dead_letters(settings, topics, wait)
            err.print(f"replayed [bold]{replayed}[/] dead letter(s) to their source topics")
            return
        letters = list_dead_letters(settings, topics, wait)
    if as_json:
        for letter in letters:
            sys.stdout.write(json.dumps(letter.as_dict(), ensure_ascii=False) + "\n")
        return
    table = Table(title=f"dead letters ({len(letters)})", show_lines=False)
    for column in ("topic", "offset", "key", "stage", "reason", "error", "message"):
        table.add_column(column, overflow="fold")
    for letter in letters:
        table.add_row(
            letter.dlq_topic, str(letter.offset), letter.key, letter.stage, letter.reason,
            letter.exception_class.rsplit(".", 1)[-1], letter.message.splitlines()[0][:160] if letter.message else "",
        )
    out.print(table)


# ---------------------------------------------------------------- offline extraction and the store


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="A JSON-lines file of articles, a .txt file or a folder.")],
) -> None:
    """Extract events without Kafka: the services' own functions in one process, one Event JSON a line on stdout.

    The output is exactly what the streaming pipeline publishes on events.v1 (same event ids), so
    `hadath extract FILE | python tests/data/score.py GOLD -` scores it. Progress goes to stderr.
    """
    from services.article_files import count_records, read_articles
    from services.pipeline import extract as extract_article
    from shared.stage import time_budget

    settings = get_settings()
    extraction = settings.extraction  # the segmenter backend, as the services would use it
    budget = settings.limits.article_time_budget_s * 3  # three stages, each with its own budget in the stream
    failures = 0
    with user_errors():
        if extraction.segmenter_backend == "farasa":  # a missing jar is one clear error, not one per article
            from services.segmenter.farasa import farasa_process

            farasa_process(extraction)
        total = count_records(path)
        with _progress() as progress:
            task = progress.add_task("extracting", total=total)
            for line in read_articles(path):
                progress.advance(task)
                if line.article is None:
                    failures += 1
                    progress.console.print(f"[yellow]skipped[/] {escape(line.origin)}: {escape(line.error or '')}")
                    continue
                try:
                    with time_budget(budget):  # the stream's per-article budget: a pathological text cannot hang it
                        events = extract_article(line.article, settings=extraction)
                except Exception as exc:  # the stream would dead-letter it; say so and go on
                    failures += 1
                    progress.console.print(f"[red]failed[/] {escape(line.origin)}: {type(exc).__name__}: {exc}")
                    continue
                for event in events:
                    sys.stdout.write(event.model_dump_json() + "\n")
                sys.stdout.flush()
    if failures:
        err.print(f"[yellow]{failures} record(s) skipped[/]")


@app.command()
def events(
    db: Annotated[
        str | None, typer.Option(help="SQLite file or database URL (default: HADATH_SINK__DATABASE_URL).")
    ] = None,
    type: Annotated[str | None, typer.Option("--type", help="meeting, visit or training_agreement.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO country code of the place, e.g. LY.")] = None,
    article: Annotated[str | None, typer.Option(help="Only events of this article id.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="At most this many events.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One event JSON a line (the events.v1 shape).")] = False,
) -> None:
    """Query the events the sink stored (a table, or JSON lines with --json)."""
    from services.sink.store import EventQuery, open_store

    settings = get_settings()
    url = _database_url(db, settings)
    with user_errors():
        if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
            raise UserError(f"no events store at {url.removeprefix('sqlite:///')} (run `hadath up` first)")
        store = open_store(url)
        try:
            found = store.query(EventQuery(type=type, country=country, article_id=article, limit=limit))
        finally:
            store.close()
    if as_json:
        for event in found:
            sys.stdout.write(event.model_dump_json() + "\n")
        return
    table = Table(title=f"{len(found)} event(s)")
    for column in ("type", "status", "participants", "place", "date", "conf.", "article"):
        table.add_column(column, overflow="fold")
    for event in found:
        place = (
            f"{event.place.name} ({event.place.country_code}, {event.place.precision.value})" if event.place else "-"
        )
        who = "; ".join(f"{p.name} [{p.role.value}]" for p in event.participants) or "-"
        table.add_row(
            event.type.value, event.status.value, escape(who), escape(place), str(event.date or "-"),
            f"{event.confidence:.2f}", escape(event.article_id),
        )
    out.print(table)


@app.command()
def schemas(
    check: Annotated[bool, typer.Option("--check", help="Only verify the files are current (exit 1 if not).")] = False,
) -> None:
    """Write the JSON Schema of every message (shared/jsonschema/*.json) from the pydantic models."""
    from shared.schema_files import SCHEMA_DIR, stale_schema_files, write_schema_files

    if check:
        stale = stale_schema_files()
        if stale:
            raise fail(f"JSON Schema files out of date: {', '.join(stale)}; run `hadath schemas`")
        err.print(f"JSON Schema files in {SCHEMA_DIR} are current")
        return
    for path in write_schema_files():
        err.print(f"wrote {path}")


def describe_event(event: Any) -> str:
    """One readable line for an event: type, status, participants, place (rich markup)."""
    who = ", ".join(
        f"{escape(p.name)}" + (f" [dim]({escape(p.title)})[/]" if p.title else "") for p in event.participants
    ) or "[dim]no named participants[/]"
    place = (
        f"{escape(event.place.name)} / {escape(event.place.name_en)}, {event.place.country_code} "
        f"[dim]({event.place.precision.value})[/]"
        if event.place else "[dim]place unknown[/]"
    )
    date = f" {event.date.isoformat()}" if isinstance(event.date, dt.date) else ""
    return (
        f"[bold cyan]{event.type.value}[/] [magenta]{event.status.value}[/]{date}  {who}  @ {place}  "
        f"[dim]{escape(event.article_id)} {event.event_id} conf={event.confidence:.2f}[/]"
    )


def main() -> None:
    """Console-script entry point."""
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    app()


if __name__ == "__main__":
    main()
