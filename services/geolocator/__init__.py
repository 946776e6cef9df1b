"""The geolocator stage."""
