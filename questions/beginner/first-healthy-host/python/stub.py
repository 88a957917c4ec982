def first_healthy_host(hosts, is_healthy):
    """Returns (name, checked): the name of the first healthy host not in maintenance, or None, and the names
    passed to is_healthy in order. A check that raises an Exception counts as unhealthy."""
    raise NotImplementedError("first_healthy_host")
