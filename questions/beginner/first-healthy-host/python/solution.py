def first_healthy_host(hosts, is_healthy):
    """Returns (name, checked): the name of the first healthy host not in maintenance, or None, and the names
    passed to is_healthy in order. A check that raises an Exception counts as unhealthy."""
    checked = []

    def healthy(name):
        checked.append(name)
        try:
            return is_healthy(name)
        except Exception:
            return False

    host = next((h["name"] for h in hosts if not h.get("maintenance") and healthy(h["name"])), None)
    return host, checked
