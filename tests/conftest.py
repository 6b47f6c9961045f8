"""Shared by every test folder. Fixtures live next to the tests that use them:
tests/integration/conftest.py owns the session's Kafka broker."""
