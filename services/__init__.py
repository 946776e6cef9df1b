"""hadath's stream processors (one folder each) and the ``hadath`` command."""
