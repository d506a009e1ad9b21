"""MBC Navigator: a self-hostable companion for people living with metastatic breast cancer."""

__version__ = "0.1.0"
