#!/usr/bin/env python3
"""Writes a GeoJSON FeatureCollection of N synthetic counties (default 3,143): wavy 60-point rings
tiling the lower 48's longitude/latitude box, with real state FIPS prefixes. For benchmarks and
tests of the map when the Census file is not at hand; not a map of anything."""
import json, math, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 3143
states = ["01", "04", "05", "06", "08", "09", "10", "12", "13", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28",
          "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "44", "45", "46", "47", "48", "49", "50", "51",
          "53", "54", "55", "56"]
cols = int(math.sqrt(n * 2.2)) + 1
rows = n // cols + 1
west, east, south, north = -124.5, -67.0, 25.0, 49.0
w, h = (east - west) / cols, (north - south) / rows
features = []
for i in range(n):
    cx, cy = west + (i % cols + 0.5) * w, south + (i // cols + 0.5) * h
    ring = []
    for k in range(60):
        a = 2 * math.pi * k / 60
        r = 0.5 + 0.06 * math.sin(7 * a + i)
        ring.append([round(cx + r * w * math.cos(a), 5), round(cy + r * h * math.sin(a), 5)])
    ring.append(ring[0])
    state = states[i % len(states)]
    features.append({"type": "Feature", "properties": {"GEOID": f"{state}{i // len(states) + 1:03d}", "NAME": f"County {i}", "NAMELSAD": f"Synthetic County {i}"},
                     "geometry": {"type": "Polygon", "coordinates": [ring]}})
json.dump({"type": "FeatureCollection", "features": features}, sys.stdout)
