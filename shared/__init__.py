"""hadath's shared layer: schemas, settings, Arabic text handling, Kafka and metrics helpers."""

__version__ = "0.1.0"
