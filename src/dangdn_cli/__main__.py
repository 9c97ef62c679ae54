"""python -m dangdn_cli: the dangdn command."""

from dangdn_cli.cli import main

main()
