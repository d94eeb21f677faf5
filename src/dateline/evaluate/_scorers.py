"""Imports every scorer module so that its kind is registered (one line each)."""
