"""The conduct app's models (Capstone §3.2, §7.1)."""
