from dangdn_cli.cli import main

main()
