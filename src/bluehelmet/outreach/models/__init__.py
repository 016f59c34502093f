"""The outreach app's models (Capstone §9.1-9.2, §7.2, §10.2)."""
