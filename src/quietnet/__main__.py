"""`python -m quietnet` runs the `net` command."""

from quietnet.cli.main import main

main()
