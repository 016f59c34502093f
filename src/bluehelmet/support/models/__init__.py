"""The support app's models (Capstone §8.1-8.3)."""
