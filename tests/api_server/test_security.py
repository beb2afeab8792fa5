"""Key matching and the access-log redaction of download tokens (units behind the live tests)."""

from __future__ import annotations

import logging

from src.api_server.security import RedactTokenFilter, install_token_redaction, match_api_key


def test_match_api_key_accepts_only_whole_configured_keys():
    keys = ("alpha-key", "beta-key")
    assert match_api_key("alpha-key", keys) and match_api_key("beta-key", keys)
    for wrong in ("alpha", "alpha-key ", "ALPHA-KEY", "", "alpha-keybeta-key"):
        assert not match_api_key(wrong, keys)
    assert not match_api_key("alpha-key", ())


def test_access_log_lines_hide_download_tokens():
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("127.0.0.1:5000", "GET", "/jobs/x/download?token=1767.c2lnbmF0dXJl&y=1",
                                "1.1", 200), None)
    assert RedactTokenFilter().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /jobs/x/download?token=<redacted>&y=1 HTTP/1.1" 200'
    install_token_redaction()
    install_token_redaction()
    filters = [f for f in logging.getLogger("uvicorn.access").filters if isinstance(f, RedactTokenFilter)]
    assert len(filters) == 1
