"""The desktop window: Qt widgets over `core/`; no business logic lives here."""
