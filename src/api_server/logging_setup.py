"""Service logging: LOG_DIR/api.log at LOG_LEVEL, plus the console."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler

from src.config import Settings

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_HANDLER_MARK = "_synthgen_api_log"


def configure_logging(settings: Settings) -> None:
    """Send the project's and uvicorn's logs to LOG_DIR/api.log; safe to call more than once."""
    settings.log_dir.mkdir(parents=True, exist_ok=True)
    level = logging.getLevelName(settings.log_level.upper())
    if not isinstance(level, int):
        level = logging.INFO
    log_file = (settings.log_dir / "api.log").resolve()
    for name in ("synthgen", "uvicorn.error", "uvicorn.access"):
        target = logging.getLogger(name)
        for handler in list(target.handlers):
            if getattr(handler, _HANDLER_MARK, False):
                target.removeHandler(handler)
                handler.close()
        handler = RotatingFileHandler(log_file, maxBytes=10 << 20, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter(_FORMAT))
        setattr(handler, _HANDLER_MARK, True)
        target.addHandler(handler)
    project = logging.getLogger("synthgen")
    project.setLevel(level)
    if not any(isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
               for h in project.handlers):
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter(_FORMAT))
        project.addHandler(console)
