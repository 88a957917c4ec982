import argparse
import re

USAGE = {
    "fleet": "usage: fleet [-h] {deploy,rollback,status} ...",
    "deploy": "usage: fleet deploy [-h] -e ENV -i IMAGE [-n]",
    "rollback": "usage: fleet rollback [-h] -e ENV [--to REVISION]",
    "status": "usage: fleet status [-h] [-e ENV] [--json]",
}


def main(argv, handlers):
    """Parses argv, calls the subcommand's handler once with the Namespace, and returns what it returns."""
    raise NotImplementedError("main")
