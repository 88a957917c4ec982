import os
import re


class MissingVariablesError(KeyError):
    """Every ${NAME} without a default that is not set, as (name, line) pairs in template order."""

    def __init__(self, missing):
        self.missing = list(missing)
        super().__init__("Missing environment variables: " + ", ".join("%s (line %d)" % pair for pair in self.missing))

    def __str__(self):
        return self.args[0]  # KeyError's own str() would wrap the message in quotes


# $$, or ${NAME} / ${NAME:-default}, tried at the same position so they can never overlap.
PLACEHOLDER = re.compile(r"\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}\n]*))?\})")


def render_template(template, env=None):
    """Fills ${NAME} and ${NAME:-default} from env (default: os.environ) in one pass; $$ is a literal $."""
    if env is None:
        env = os.environ
    missing = []

    def replace(match):
        dollar, name, default = match.groups()
        if dollar is not None:
            return "$"
        value = env.get(name)
        if default is not None:
            return value if value else default
        if value is not None:
            return value
        missing.append((name, template.count("\n", 0, match.start()) + 1))
        return match.group(0)

    output = PLACEHOLDER.sub(replace, template)
    if missing:
        raise MissingVariablesError(missing)
    return output
