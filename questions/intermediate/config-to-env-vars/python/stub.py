import json  # noqa: F401
import re  # noqa: F401


def to_env_vars(flat, prefix):
    """{"db.port": 5432} + "billing" -> {"BILLING_DB_PORT": "5432"}; ValueError when two paths give one name."""
    raise NotImplementedError("to_env_vars")


def unflatten(flat):
    """{"db.hosts[0]": "a", "db.port": 5432} -> {"db": {"hosts": ["a"], "port": 5432}}; ValueError for bad input."""
    raise NotImplementedError("unflatten")
