"""Files in and out: the SSDA903 return (:mod:`corparent.io.ssda903`) and findings exports
(:mod:`corparent.io.findings`). This layer builds model objects; it never computes deadlines."""

from __future__ import annotations

from corparent.io import ssda903

__all__ = ["ssda903"]
