"""Emulator of the Yeastar P-Series Software Edition OpenAPI v1.0."""

from .app import create_app
from .server import EmulatorHandle, run_in_thread

__all__ = ["create_app", "run_in_thread", "EmulatorHandle"]
__version__ = "0.1.0"
