"""Serving a store over HTTP (FastAPI): read endpoints, a token-protected write endpoint."""

from tidings.serve.app import create_app

__all__ = ["create_app"]
