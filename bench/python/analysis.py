"""Times PageRank, Louvain and betweenness with python-igraph and networkx on an edge list.

Usage: analysis.py EDGES.tsv RUNS EXACT_NX(0|1) SAMPLE_K EXACT_IGRAPH(0|1) NX_LOUVAIN(0|1)
The TSV holds `a b strength cost` per line: the same simple undirected graph the server
builds (parallel ties merged, strengths summed). Prints one JSON object of seconds per run.
"""
import json
import sys
import time

import igraph as ig
import networkx as nx


def timed(fn, runs):
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def main():
    path, runs, exact_nx, k = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1", int(sys.argv[4])
    exact_ig = len(sys.argv) < 6 or sys.argv[5] == "1"
    nx_louvain = len(sys.argv) < 7 or sys.argv[6] == "1"
    edges, strength, cost = [], [], []
    with open(path) as f:
        for line in f:
            a, b, s, c = line.split()
            edges.append((int(a), int(b)))
            strength.append(float(s))
            cost.append(float(c))
    n = 1 + max(max(e) for e in edges)
    g = ig.Graph(n=n, edges=edges, directed=False)
    g.es["strength"] = strength
    g.es["cost"] = cost
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from((a, b, {"strength": s, "cost": c}) for (a, b), s, c in zip(edges, strength, cost))

    result = {"nodes": n, "edges": len(edges), "igraph": ig.__version__, "networkx": nx.__version__}
    result["igraph_pagerank"] = timed(lambda: g.pagerank(weights="strength", directed=False), runs)
    result["igraph_louvain"] = timed(lambda: g.community_multilevel(weights="strength"), runs)
    if exact_ig:
        result["igraph_betweenness_exact"] = timed(lambda: g.betweenness(weights="cost", directed=False), runs)
    result["networkx_pagerank"] = timed(lambda: nx.pagerank(G, weight="strength"), runs)
    if nx_louvain:
        result["networkx_louvain"] = timed(lambda: nx.community.louvain_communities(G, weight="strength", seed=1), runs)
    if exact_nx:
        result["networkx_betweenness_exact"] = timed(lambda: nx.betweenness_centrality(G, weight="cost"), 1)  # minutes per run above 1k
    if k and k < n:
        result["networkx_betweenness_sampled"] = timed(lambda: nx.betweenness_centrality(G, k=k, weight="cost", seed=1), runs)
    print(json.dumps(result))


main()
