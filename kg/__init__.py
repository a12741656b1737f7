"""newsgraph: offline knowledge graphs of who did what to whom in the news."""
__version__ = "0.1.0"
