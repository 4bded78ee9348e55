"""`python -m quietnet` runs the `net` command."""

from quietnet.cli.app import main

main()
