"""dipwatch stream processing: settings, topology, pure stage functions, CLI."""

__version__ = "0.1.0"
