"""Credentials never reach the screen: URLs in messages lose their userinfo and secret-looking
query parameters.

A Label Studio URL may carry a token (``http://user:TOKEN@host:8080``, ``...?token=...``);
every message naming a URL shows it through :func:`redact_url`, and the CLI passes every error
line through :func:`redact_urls` before printing it. Scheme and parameter names are matched
case-insensitively (``HTTP://``, ``Token=``, ``API_KEY=``).

>>> redact_url("HTTP://admin:s3cr3t@LS.example.org:8081/?Token=abc&page=2")
'HTTP://***@LS.example.org:8081/?Token=***&page=2'
"""

from __future__ import annotations

import re

__all__ = ["redact_url", "redact_urls"]

SECRET_PARAMS = ("token", "access_token", "refresh_token", "api_key", "apikey", "api-key", "key",
                 "secret", "client_secret", "password", "passwd", "pwd", "auth", "authorization",
                 "signature", "sig", "session", "sessionid", "csrftoken")

# scheme://userinfo@ — userinfo is everything before the first @ that comes before any / ? #
_USERINFO_RE = re.compile(r"(?i)\b([a-z][a-z0-9+.\-]*://)[^\s/?#@]*@")
_PARAM_RE = re.compile(r"(?i)([?&;](?:" + "|".join(re.escape(p) for p in SECRET_PARAMS)
                       + r")=)[^&#\s'\"<>]*")


def redact_urls(text) -> str:
    """``text`` with the credentials of every URL in it replaced by ``***``."""
    text = _USERINFO_RE.sub(r"\1***@", str(text))
    return _PARAM_RE.sub(r"\1***", text)


def redact_url(url: str) -> str:
    """One URL, safe to print."""
    return redact_urls(url)
