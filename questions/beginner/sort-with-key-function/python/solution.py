from operator import itemgetter


def healthy_endpoints(servers, env):
    """"name:port" of the healthy servers in env, lowest port first (equal ports keep their order)."""
    candidates = [s for s in servers if s["healthy"] and s["env"] == env]
    return ["%s:%d" % (s["name"], s["port"]) for s in sorted(candidates, key=itemgetter("port"))]


def order_servers(servers):
    """A new list: environments A to Z, inside each the highest port first; ties keep their input order."""
    # One stable sort on a tuple key; negating the number reverses that part only.
    return sorted(servers, key=lambda s: (s["env"], -s["port"]))
