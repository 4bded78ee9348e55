"""quietnet: keep the ties you have strong."""

__version__ = "0.1.0"
