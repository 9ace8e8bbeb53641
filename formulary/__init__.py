"""Formulary's command-line layer: parse arguments, call the library, render."""
