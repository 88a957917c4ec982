import os  # noqa: F401
import re  # noqa: F401


class MissingVariablesError(KeyError):
    """Every ${NAME} without a default that is not set, as (name, line) pairs in template order."""

    def __init__(self, missing):
        self.missing = list(missing)
        super().__init__("Missing environment variables: " + ", ".join("%s (line %d)" % pair for pair in self.missing))

    def __str__(self):
        return self.args[0]  # KeyError's own str() would wrap the message in quotes


def render_template(template, env=None):
    """Fills ${NAME} and ${NAME:-default} from env (default: os.environ) in one pass; $$ is a literal $."""
    raise NotImplementedError("render_template")
