"""The vendored OpenAPI file is Clockify's file from shared/, byte for byte."""

from __future__ import annotations

import hashlib

import pytest

from tests.openapi import SHARED_COPY, VENDORED_COPY


@pytest.mark.skipif(not SHARED_COPY.exists(), reason="shared/ is not beside this checkout")
def test_vendored_openapi_matches_shared() -> None:
    shared = hashlib.sha256(SHARED_COPY.read_bytes()).hexdigest()
    assert hashlib.sha256(VENDORED_COPY.read_bytes()).hexdigest() == shared
