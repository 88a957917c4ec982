import argparse
import re

USAGE = {
    "fleet": "usage: fleet [-h] {deploy,rollback,status} ...",
    "deploy": "usage: fleet deploy [-h] -e ENV -i IMAGE [-n]",
    "rollback": "usage: fleet rollback [-h] -e ENV [--to REVISION]",
    "status": "usage: fleet status [-h] [-e ENV] [--json]",
}


def non_empty(text):
    """argparse type for ENV and IMAGE."""
    if text == "":
        raise argparse.ArgumentTypeError("expected a value")
    return text


def revision(text):
    """argparse type for --to: a whole number of at least 1, in ASCII digits."""
    if not re.fullmatch(r"[0-9]+", text) or int(text) < 1:
        raise argparse.ArgumentTypeError("invalid revision %r" % text)
    return int(text)


def build_parser(handlers):
    """The fleet parser: one subparser per subcommand, each with its handler as a default."""
    parser = argparse.ArgumentParser(prog="fleet", allow_abbrev=False)
    commands = parser.add_subparsers(dest="command", required=True)

    deploy = commands.add_parser("deploy", allow_abbrev=False)
    deploy.add_argument("-e", "--env", required=True, type=non_empty, metavar="ENV")
    deploy.add_argument("-i", "--image", required=True, type=non_empty, metavar="IMAGE")
    deploy.add_argument("-n", "--dry-run", action="store_true")
    deploy.set_defaults(handler=handlers["deploy"])

    rollback = commands.add_parser("rollback", allow_abbrev=False)
    rollback.add_argument("-e", "--env", required=True, type=non_empty, metavar="ENV")
    rollback.add_argument("--to", type=revision, metavar="REVISION")
    rollback.set_defaults(handler=handlers["rollback"])

    status = commands.add_parser("status", allow_abbrev=False)
    status.add_argument("-e", "--env", type=non_empty, metavar="ENV")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=handlers["status"])
    return parser


def main(argv, handlers):
    """Parses argv, calls the subcommand's handler once with the Namespace, and returns what it returns."""
    args = build_parser(handlers).parse_args(argv)
    return args.handler(args)
