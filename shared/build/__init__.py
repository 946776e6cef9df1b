"""Build scripts that derive hadath's data files from their sources (reproducibly, with attribution)."""
