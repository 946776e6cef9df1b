"""Chaos harness (`make chaos`): workers killed at random while articles flow; nothing lost, nothing doubled."""
