"""The detector stage."""
