"""Reads a powermap GraphML or GEXF export with networkx, as a researcher's script would.

Usage: python3 read_exports.py graphml|gexf FILE
Prints JSON: whether networkx made a directed graph, every node with its attributes, and
every edge by its id with its ends, its attributes and whether networkx holds it both ways
(a GEXF "mutual" edge is read as two arcs sharing one id).
"""
import json
import sys

import networkx as nx


def main(fmt, path):
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    nodes = {str(n): dict(d) for n, d in g.nodes(data=True)}
    edges = {}
    for u, v, key, d in g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True)):
        eid = str(d.get("id", key))
        if eid in edges:
            edges[eid]["bothWays"] = True
            continue
        edges[eid] = {"source": str(u), "target": str(v), "bothWays": False, "data": {k: x for k, x in d.items() if k != "id"}}
    json.dump({"directed": g.is_directed(), "nodes": nodes, "edges": edges}, sys.stdout, default=str)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
