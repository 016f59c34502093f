"""The programmes app's models (Capstone §2.3-2.5, §7.2)."""
