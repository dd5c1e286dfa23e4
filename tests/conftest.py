"""Shared fixtures: no test ever touches the real keyring, settings or display."""

from __future__ import annotations

import os
from collections.abc import Iterator

import keyring
import pytest

from tests.memory_keyring import MemoryKeyring

# Before pytest-qt creates the QApplication: no display here or in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)
