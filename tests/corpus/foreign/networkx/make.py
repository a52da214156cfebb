"""Writes the NetworkX files of the foreign corpus (run: python3 make.py).

Each graph is written with NetworkX's own writers (write_gexf, write_graphml),
as a user exporting their supply data from Python would. The outputs are
committed beside this script; the versions that wrote them are in MANIFEST.json.
"""
import networkx as nx

# A small copper supply chain, named the way a Python user would name things:
# `type` for what a node is, `product` for what a flow carries, `weight` for tonnes.
supply = nx.DiGraph(name="Copper supply (NetworkX)")
supply.add_node("chile-mine", label="Escondida", type="mine", country="CL")
supply.add_node("peru-mine", label="Cerro Verde", type="mine", country="PE")
supply.add_node("smelter", label="Guixi smelter", type="smelter", country="CN")
supply.add_node("fab", label="Wire maker", type="fab", country="JP")
supply.add_node("buyer", label="Cable buyer", type="buyer", country="US")
supply.add_edge("chile-mine", "smelter", product="copper ore", weight=120.0)
supply.add_edge("peru-mine", "smelter", product="copper ore", weight=80.5)
supply.add_edge("smelter", "fab", product="Refined copper", weight=150.0)
supply.add_edge("fab", "buyer", product="Copper wire", weight=140.25)
nx.write_gexf(supply, "networkx-supply.gexf")
nx.write_graphml(supply, "networkx-supply.graphml")

# No attributes at all: only who supplies whom, plus a firm that supplies itself.
bare = nx.DiGraph()
bare.add_edges_from([("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("b", "b")])
nx.write_gexf(bare, "networkx-bare-selfloop.gexf")
nx.write_graphml(bare, "networkx-bare-selfloop.graphml")

# An undirected graph (Zachary's karate club, with its `club` attribute).
karate = nx.karate_club_graph()
nx.write_graphml(karate, "networkx-karate-undirected.graphml")
nx.write_gexf(karate, "networkx-karate-undirected.gexf")

# Infinite and list values the writers type themselves.
odd = nx.DiGraph()
odd.add_node("x", capacity=float("inf"), tags="a;b")
odd.add_node("y", capacity=float("-inf"), tags="c")
odd.add_edge("x", "y", weight=2.5)
nx.write_gexf(odd, "networkx-infinity.gexf")
nx.write_graphml(odd, "networkx-infinity.graphml")
