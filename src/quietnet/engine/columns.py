"""The column helpers the SQLModel tables share (``schema.py``, ``schema_more.py``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Integer


def key(target: str) -> Column[int]:
    """A foreign key that is part of the primary key (link tables, per-person state)."""
    return Column(Integer, ForeignKey(target, ondelete="CASCADE"), primary_key=True)


def fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Column[int]:
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable)


def stamp(*, nullable: bool = False) -> Column[datetime]:
    return Column(DateTime(timezone=True), nullable=nullable)
