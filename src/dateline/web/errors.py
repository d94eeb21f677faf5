"""The one JSON error shape of the API, and how library errors map onto HTTP statuses.

Every error answer is ``{"error": {"status": 400, "message": "...", "where": "date_from", "hint": "..."}}``.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, DatelineError, ExportError, IngestError, ReviewError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error answered with a status and the error shape."""

    def __init__(self, status: int, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        super().__init__(message)
        self.status, self.message, self.where, self.hint = status, message, where, hint


def error_body(status: int, message: str, *, where: str | None = None, hint: str | None = None) -> dict[str, Any]:
    return {"error": {"status": status, "message": message, "where": where, "hint": hint}}


def _status_of(err: DatelineError) -> int:
    if isinstance(err, (ConfigError, IngestError)):
        return 400
    if isinstance(err, ReviewError):  # a decision that cannot be made is the request's fault
        return 404 if err.message.startswith("no such") else 400
    if isinstance(err, ExportError):
        return 500
    if err.message.startswith("no such"):  # StoreError for a missing event or document
        return 404
    return 500


def install_error_handlers(app: FastAPI) -> None:
    """Answer every error, ours or the framework's, with the one error shape."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, err: ApiError) -> JSONResponse:
        return JSONResponse(error_body(err.status, err.message, where=err.where, hint=err.hint), status_code=err.status)

    @app.exception_handler(DatelineError)
    async def dateline_error(_: Request, err: DatelineError) -> JSONResponse:
        status = _status_of(err)
        if status >= 500:
            log.error("%s", err)
        return JSONResponse(error_body(status, err.message, where=err.where, hint=err.hint), status_code=status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, err: RequestValidationError) -> JSONResponse:
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ())[1:]) or None
        message = first.get("msg", "invalid request")
        return JSONResponse(error_body(400, message, where=where, hint="see /openapi.json for the parameters"), status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, err: StarletteHTTPException) -> JSONResponse:
        message = err.detail if isinstance(err.detail, str) else "request failed"
        return JSONResponse(error_body(err.status_code, message), status_code=err.status_code, headers=getattr(err, "headers", None))
