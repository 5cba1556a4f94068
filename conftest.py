"""Collection rules for the one pytest run: generated notebooks are tested by their own tests."""
collect_ignore_glob = ["exercises/*/dist/*", "_build/*", ".venv/*", "**/.ipynb_checkpoints/*"]
