"""One stage's faust worker: the composition root that wires settings, metrics, stage and faust."""

from __future__ import annotations

import importlib
import logging
from functools import lru_cache
from typing import TYPE_CHECKING

from prometheus_client import REGISTRY

from services.broker_reset import guard_against_broker_reset
from services.supervisor import ready_file
from shared.kafka import STAGES
from shared.metrics import StageMetrics, build_metrics
from shared.settings import Settings, get_settings
from shared.stage import Stage, build_faust_app

if TYPE_CHECKING:
    import faust


def build_stage(name: str, settings: Settings) -> Stage:  # type: ignore[type-arg]
    """The configured Stage of service ``name`` (one of shared.kafka.STAGES)."""
    if name not in STAGES:
        raise ValueError(f"unknown stage {name!r}; choose one of {', '.join(STAGES)}")
    module = importlib.import_module(f"services.{name}.app")
    return module.build_stage(settings, _metrics())  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _metrics() -> StageMetrics:
    """hadath's metrics on the default registry, registered once per process."""
    return build_metrics(REGISTRY)


def create_app(name: str, replica: int = 0, settings: Settings | None = None) -> faust.App:
    settings = settings or get_settings()
    stage = build_stage(name, settings)
    app = build_faust_app(stage, settings, replica, _metrics())
    guard_against_broker_reset(app, settings, stage.source_topic)
    ready = ready_file(settings.service.data_dir, name, replica)
    ready.unlink(missing_ok=True)

    @app.on_partitions_assigned.connect  # type: ignore[arg-type]
    async def _mark_ready(sender: object, assigned: object, **kwargs: object) -> None:
        """Tell the supervisor this worker has joined its group (see services.supervisor)."""
        ready.parent.mkdir(parents=True, exist_ok=True)
        ready.write_text(str(sorted(map(str, assigned))) if isinstance(assigned, set) else "")

    return app


def run_worker(name: str, replica: int = 0, settings: Settings | None = None) -> None:
    """Run the stage's faust worker in the foreground until SIGTERM/SIGINT (graceful stop, exit 0)."""
    import faust

    settings = settings or get_settings()
    app = create_app(name, replica, settings)
    logging.getLogger("hadath").setLevel(settings.service.log_level)
    worker = faust.Worker(app, loglevel=settings.service.log_level, quiet=True, redirect_stdouts=False)
    # faust's start-up spinner sets the root logger to DEBUG at WARNING/ERROR levels, so every aiokafka debug
    # call would build a LogRecord per message; no spinner, no DEBUG root.
    worker.spinner = None
    worker.execute_from_commandline()
