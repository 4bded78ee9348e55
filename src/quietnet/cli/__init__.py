"""The `net` command line: Typer commands, one module per noun."""
