"""Operator accounts from the command line (make console-user):

python -m console.cli add NAME --role reviewer|admin   (asks for the password twice;
                                                         --password-stdin reads one line)
python -m console.cli disable NAME | enable NAME | password NAME | list
"""

from __future__ import annotations

import argparse
import getpass
import sys

from console import accounts, settings
from console.accounts import AccountError

BY = "kommandoraden"


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Lösenord (minst 12 tecken): ")
    if getpass.getpass("Samma lösenord igen: ") != first:
        raise AccountError("Lösenorden var inte lika.")
    return first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="console.cli", description="Operatörskonton")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="skapa ett konto")
    add.add_argument("username")
    add.add_argument("--role", choices=accounts.ROLES, default="reviewer")
    add.add_argument("--password-stdin", action="store_true")
    for name in ("disable", "enable"):
        commands.add_parser(name).add_argument("username")
    password = commands.add_parser("password", help="byt lösenord")
    password.add_argument("username")
    password.add_argument("--password-stdin", action="store_true")
    commands.add_parser("list")
    args = parser.parse_args(argv)

    engine = settings.engine()
    try:
        if args.command == "add":
            account = accounts.create_account(
                engine, args.username, _password(args.password_stdin), args.role, BY
            )
            print(f"Kontot {account.username} ({account.role}) är skapat.")
        elif args.command in ("disable", "enable"):
            accounts.set_disabled(engine, args.username, args.command == "disable", BY)
            print(
                f"Kontot {args.username} är "
                + ("avstängt." if args.command == "disable" else "öppnat.")
            )
        elif args.command == "password":
            accounts.set_password(engine, args.username, _password(args.password_stdin), BY)
            print(f"Lösenordet för {args.username} är bytt; kontot är utloggat överallt.")
        else:
            for account in accounts.all_accounts(engine):
                state = "avstängt" if account.disabled else "aktivt"
                print(f"{account.username}\t{account.role}\t{state}")
    except AccountError as error:
        print(f"console: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
