"""Benchmarks, indicators, multi-source observations and transition readiness (Capstone §10.1-10.2,
§6.1)."""
