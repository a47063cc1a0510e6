"""Shared pytest configuration."""

pytest_plugins = ["tests.pg"]  # database fixtures (sqlite + PostgreSQL)
