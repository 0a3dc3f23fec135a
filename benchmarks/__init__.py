"""Accuracy and speed benchmarks for newsparse (run from the project root)."""
